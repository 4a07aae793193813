/**
 * Decodes JSON (replies to {@code JSON.GET}, and JSON texts held in hash fields or strings) with
 * Jackson's streaming parser straight into Arrow vectors, nested Struct, List and Map types
 * included. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.arrow.internal.json;

import org.jspecify.annotations.NullMarked;
