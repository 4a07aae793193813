/**
 * The write path: input items encoded into pipelined round trips on the write's own connection
 * (or, through a {@link io.redisarrow.core.internal.write.BatchSender}, on its connections to the
 * masters of a cluster, each batch's units read back into one outcome by
 * {@link io.redisarrow.core.internal.write.UnitResults}), their replies read into per-batch
 * outcomes, with every item closed and every buffer released exactly once. Internal, no
 * compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.write;

import org.jspecify.annotations.NullMarked;
