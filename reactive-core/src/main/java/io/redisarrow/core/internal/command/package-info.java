/**
 * Encoders of the commands each data type sends, tested on their exact bytes. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.command;

import org.jspecify.annotations.NullMarked;
