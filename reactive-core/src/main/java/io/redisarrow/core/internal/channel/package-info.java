/**
 * The connections of a session: each read's pipelined channel (connect, AUTH/SELECT set-up, TLS,
 * pairing replies with writes, timeouts), the messages of connection failures, and the checks run on
 * connect (cluster mode, diagnosis of a failed set-up). Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.channel;

import org.jspecify.annotations.NullMarked;
