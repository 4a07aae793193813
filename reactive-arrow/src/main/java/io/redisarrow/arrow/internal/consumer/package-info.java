/**
 * One consumer per Arrow vector type, writing raw Redis values straight into vectors. Internal,
 * no compatibility promise.
 */
@NullMarked
package io.redisarrow.arrow.internal.consumer;

import org.jspecify.annotations.NullMarked;
