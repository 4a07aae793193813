/**
 * Where a read's keys come from: SCAN cursors today; search pages, aggregate cursors, key lists and cluster nodes next. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.source;

import org.jspecify.annotations.NullMarked;
