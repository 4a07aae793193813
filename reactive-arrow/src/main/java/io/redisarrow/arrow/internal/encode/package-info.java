/**
 * One encoder per Arrow vector type, writing each cell as the RESP bulk string Redis stores: the
 * text forms the {@code consumer} package reads back to the same value. Internal, no
 * compatibility promise.
 */
@NullMarked
package io.redisarrow.arrow.internal.encode;

import org.jspecify.annotations.NullMarked;
