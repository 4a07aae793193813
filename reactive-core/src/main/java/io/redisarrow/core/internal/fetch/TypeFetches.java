package io.redisarrow.core.internal.fetch;

import io.redisarrow.core.HashValues;
import io.redisarrow.core.JsonValues;
import io.redisarrow.core.StringValues;
import io.redisarrow.core.ValueRead;
import io.redisarrow.core.internal.command.JsonCommands;
import io.redisarrow.core.internal.command.StringCommands;

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
     * The one command per batch, when a type has one: {@code JSON.MGET key... path} for JSON reads of
     * one path (key by key with JSON.GET when a key of another type makes it fail for the batch);
     * {@code MGET key...} for strings, which never fails for a key of another type but answers nil
     * for it, as for a key that is gone: either way the key yields no row, with no EXISTS round trip.
     *
     * @param values the data type's part of a read
     * @return the one command per batch that reads it, or null when it is read key by key
     */
    static WholeBatchFetch wholeBatch(ValueRead values) {
        if (values instanceof JsonValues json && json.wholeBatch()) {
            JsonCommands commands = new JsonCommands(json.encodedPaths());
            return new WholeBatchFetch("JSON.MGET", commands::mget, false, new JsonFetch(json));
        }
        if (values instanceof StringValues) {
            return new WholeBatchFetch("MGET", StringCommands::mget, true, new StringFetch());
        }
        return null;
    }
}
