/**
 * RediSearch indexes on the Arrow side: an index's description ({@code FT.INFO}) as an Arrow
 * schema. Internal, no compatibility promise; the mapping is in {@code docs/search-index.md}.
 */
@NullMarked
package io.redisarrow.arrow.internal.search;

import org.jspecify.annotations.NullMarked;
