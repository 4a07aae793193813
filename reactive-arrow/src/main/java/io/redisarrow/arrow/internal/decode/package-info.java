/**
 * Batch decoders: raw batches into Arrow vectors laid out with the meta columns (row index, key,
 * TTL) and the data columns, and the operator that decodes them on a scheduler and closes what it
 * cannot hand on. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.arrow.internal.decode;

import org.jspecify.annotations.NullMarked;
