/**
 * Where a read's keys come from: SCAN cursors (search cursors live in {@code core.internal.search}); key lists and cluster nodes next. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.source;

import org.jspecify.annotations.NullMarked;
