/**
 * The query engine's side of a read (RediSearch 2.x): query cursors on the shared connection, their
 * pages decoded as keys (a search, whose documents are then fetched like a scan's) or as rows (an
 * aggregation), index descriptions ({@code FT.INFO}) and index commands, and the messages of the
 * engine's failures. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.search;

import org.jspecify.annotations.NullMarked;
