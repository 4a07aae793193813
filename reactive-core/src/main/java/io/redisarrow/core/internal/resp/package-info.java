/**
 * The RESP wire format: a parser that hands values over by position and a writer of commands. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.resp;

import org.jspecify.annotations.NullMarked;
