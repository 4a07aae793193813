/**
 * Fetches the values of sampled keys (HGETALL, JSON.GET) on the shared connection, for schema
 * inference. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.sample;

import org.jspecify.annotations.NullMarked;
