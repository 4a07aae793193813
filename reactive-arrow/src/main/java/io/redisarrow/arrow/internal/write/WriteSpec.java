package io.redisarrow.arrow.internal.write;

import io.redisarrow.arrow.WriteMode;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a write's options say about the columns of its batches: where keys come from, the TTL, the
 * mode, and which columns are values under which names.
 *
 * @param keyColumn the key column (used when there is no template)
 * @param keyTemplate the key template, or null
 * @param mode the write mode
 * @param ttl a fixed TTL, or null
 * @param ttlColumn the TTL column, or null
 * @param excluded columns not written
 * @param renamed column → the name it is written under
 */
public record WriteSpec(String keyColumn, @Nullable String keyTemplate, WriteMode mode, @Nullable Duration ttl,
        @Nullable String ttlColumn, Set<String> excluded, Map<String, String> renamed) {

    /** Copies the collections. */
    public WriteSpec {
        excluded = Set.copyOf(excluded);
        renamed = Map.copyOf(renamed);
    }
}
