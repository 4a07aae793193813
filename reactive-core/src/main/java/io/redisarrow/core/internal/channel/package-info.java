/**
 * The pipelined connection of a read: connect, handshake, TLS, pairing replies with writes, timeouts. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.channel;

import org.jspecify.annotations.NullMarked;
