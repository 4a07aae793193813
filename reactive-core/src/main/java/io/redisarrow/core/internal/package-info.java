/**
 * The Redis side's internals, one package per stage of the data path: {@code source} (where keys
 * come from), {@code plan} (batching, in-flight bound, limit, demand), {@code fetch} (one
 * pipelined round trip per batch), {@code command} (encoded commands), {@code resp} (the wire
 * format), {@code reply} (replies into raw batches) and {@code channel} (the pipelined
 * connection), plus {@code sample} (the values of sampled keys, for schema inference). Internal,
 * no compatibility promise; see {@code docs/architecture.md}.
 */
@NullMarked
package io.redisarrow.core.internal;

import org.jspecify.annotations.NullMarked;
