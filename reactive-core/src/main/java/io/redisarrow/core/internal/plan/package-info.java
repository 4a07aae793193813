/**
 * Read planning: batches of keys, the bound on round trips in flight, the row limit and the demand gate. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.plan;

import org.jspecify.annotations.NullMarked;
