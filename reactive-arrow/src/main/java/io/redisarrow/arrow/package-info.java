/**
 * Redis data as Apache Arrow record batches, as Reactor publishers: the {@link io.redisarrow.arrow.RedisArrow}
 * facade, scan options and the {@link io.redisarrow.arrow.RecordBatch} type.
 */
@NullMarked
package io.redisarrow.arrow;

import org.jspecify.annotations.NullMarked;
