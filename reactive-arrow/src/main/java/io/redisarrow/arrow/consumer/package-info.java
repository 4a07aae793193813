/**
 * One consumer per Arrow vector type, writing raw Redis values straight into vectors; internal, no compatibility promise.
 */
package io.redisarrow.arrow.consumer;
