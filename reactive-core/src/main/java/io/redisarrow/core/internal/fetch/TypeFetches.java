package io.redisarrow.core.internal.fetch;

import io.redisarrow.core.HashValues;
import io.redisarrow.core.JsonValues;
import io.redisarrow.core.StringValues;
import io.redisarrow.core.ValueRead;

/**
 * Picks the {@link TypeFetch} of a data type: the one place a new type is registered.
 */
public final class TypeFetches {

    private TypeFetches() {
    }

    /**
     * @param values the data type's part of a read
     * @return how to fetch it
     */
    public static TypeFetch of(ValueRead values) {
        if (values instanceof HashValues hash) {
            return new HashFetch(hash);
        }
        if (values instanceof JsonValues json) {
            return new JsonFetch(json);
        }
        if (values instanceof StringValues) {
            return new StringFetch();
        }
        throw new IllegalArgumentException("no fetch stage for " + values);
    }

    /**
     * @param values the data type's part of a read
     * @return the one command per batch that reads it, or null when it is read key by key
     */
    static WholeBatchFetch wholeBatch(ValueRead values) {
        if (values instanceof JsonValues json && json.wholeBatch()) {
            return new JsonMgetFetch(json);
        }
        if (values instanceof StringValues) {
            return new StringMgetFetch();
        }
        return null;
    }
}
