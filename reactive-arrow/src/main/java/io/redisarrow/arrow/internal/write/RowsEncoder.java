package io.redisarrow.arrow.internal.write;

import io.redisarrow.arrow.WriteMode;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteScript;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Set;

/**
 * One data type's writer: turns the rows of a batch into that type's commands, one unit per key.
 */
interface RowsEncoder {

    /**
     * @param withTtl whether the write sets TTLs
     * @return the scripts its commands call
     */
    Set<WriteScript> scripts(boolean withTtl);

    /**
     * @param root the batch
     * @param layout where its keys, TTLs and values are
     * @return its commands and units
     * @throws IllegalArgumentException for a row that cannot be written, naming it (nothing of the
     *         batch is written)
     */
    WriteBatch encode(VectorSchemaRoot root, WriteLayout layout);

    /**
     * The scripts of a writer whose MERGE sets a TTL through the {@link WriteScript#APPLY} script
     * (so a failed write sets none) and whose SKIP_EXISTING is that script with its flag.
     *
     * @param mode the write mode
     * @param withTtl whether the write sets TTLs
     * @return {@code APPLY} when those modes need it
     */
    static Set<WriteScript> applyScriptFor(WriteMode mode, boolean withTtl) {
        return mode == WriteMode.SKIP_EXISTING || (mode == WriteMode.MERGE && withTtl) ? Set.of(WriteScript.APPLY)
                : Set.of();
    }
}
