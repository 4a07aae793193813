/**
 * Redis side of redis-arrow: sessions, read requests and the raw batch handed to decoders.
 */
@NullMarked
package io.redisarrow.core;

import org.jspecify.annotations.NullMarked;
