/**
 * Key sources, pipelined fetch stages and batch planning; internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal;

import org.jspecify.annotations.NullMarked;
