/**
 * The write path: input items encoded into pipelined round trips on the write's own connection,
 * their replies read into per-batch outcomes, with every item closed and every buffer released
 * exactly once. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.write;

import org.jspecify.annotations.NullMarked;
