/**
 * Writes from Arrow: each batch's rows turned into one data type's commands (keys from a column or
 * a template, TTLs, values through the encoders), one unit per key, for the Redis side's write
 * pipeline. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.arrow.internal.write;

import org.jspecify.annotations.NullMarked;
