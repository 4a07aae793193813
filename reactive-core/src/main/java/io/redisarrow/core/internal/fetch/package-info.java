/**
 * One pipelined round trip per batch of keys, and the registry of each data type's commands and replies. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.fetch;

import org.jspecify.annotations.NullMarked;
