/**
 * The RESP wire format: an incremental reader that hands values over by position and a writer of commands. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.resp;

import org.jspecify.annotations.NullMarked;
