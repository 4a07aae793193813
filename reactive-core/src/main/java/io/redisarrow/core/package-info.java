/**
 * Redis side of redis-arrow: sessions, read requests, the raw batch handed to decoders, and the
 * sampled values schema inference reads.
 */
@NullMarked
package io.redisarrow.core;

import org.jspecify.annotations.NullMarked;
