package io.redisarrow.core.internal.observe;

import org.jspecify.annotations.Nullable;

/**
 * Where a session's meters go: nowhere ({@link #NONE}) or a Micrometer registry
 * ({@link MicrometerMeters}). An interface, so that {@link Telemetry} names no Micrometer type.
 */
interface Meters {

    /** Records nothing. */
    Meters NONE = (operation, node) -> Node.NONE;

    /**
     * @param operation the operation tag
     * @param node the node tag, {@code host:port}
     * @return the meters of reads of that operation on that node, shared by all of them
     */
    Node node(String operation, String node);

    /** The meters of one operation on one node; thread-safe. */
    interface Node {

        /** Records nothing. */
        Node NONE = new Node() {
        };

        /** A read started: one more active read. */
        default void started() {
        }

        /** A round trip went out: one more in flight. */
        default void roundTripSent() {
        }

        /**
         * A round trip ended: one fewer in flight, and its latency.
         *
         * @param nanos from its write to its end
         * @param failed its outcome
         */
        default void roundTripDone(long nanos, boolean failed) {
        }

        /**
         * @param rows rows of a batch
         * @param bytes bytes of its keys and values
         */
        default void batch(int rows, long bytes) {
        }

        /** A retry. */
        default void retry() {
        }

        /**
         * A read ended: one fewer active read, and one more error when it failed.
         *
         * @param error why it failed, or null
         */
        default void ended(@Nullable Throwable error) {
        }
    }
}
