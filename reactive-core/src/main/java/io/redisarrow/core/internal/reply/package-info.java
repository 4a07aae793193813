/**
 * Readers of replies per shape, writing values into raw batches. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.reply;

import org.jspecify.annotations.NullMarked;
