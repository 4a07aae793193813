package io.redisarrow.arrow.internal.write;

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
}
