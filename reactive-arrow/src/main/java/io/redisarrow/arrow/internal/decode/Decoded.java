package io.redisarrow.arrow.internal.decode;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A freshly decoded batch before it is handed to the subscriber: its vectors and how many values
 * were written as null because they did not parse. Whoever holds it closes the root.
 *
 * @param root the vectors
 * @param nulledValues values nulled under the NULL parse-error policy
 */
public record Decoded(VectorSchemaRoot root, long nulledValues) {
}
