/**
 * Runnable examples of redis-arrow; no library logic lives here.
 */
package io.redisarrow.samples;
