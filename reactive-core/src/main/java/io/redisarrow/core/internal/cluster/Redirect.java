package io.redisarrow.core.internal.cluster;

import org.jspecify.annotations.Nullable;

/**
 * Where an error reply sends a key: {@code MOVED <slot> <host>:<port>} (the slot is served there
 * now) or {@code ASK <slot> <host>:<port>} (the slot is migrating there and the key is not on the
 * node asked; the command is to be sent there once, after {@code ASKING}).
 *
 * @param node the node named
 * @param asking whether it was {@code ASK}
 */
record Redirect(ClusterNode node, boolean asking) {

    /**
     * @param reply an error reply
     * @return the slot a {@code MOVED} or {@code ASK} reply names, or -1 for any other reply
     */
    static int slot(String reply) {
        if (!reply.startsWith("MOVED ") && !reply.startsWith("ASK ")) {
            return -1;
        }
        String[] parts = reply.split(" ");
        try {
            int slot = parts.length < 2 ? -1 : Integer.parseInt(parts[1]);
            return slot >= 0 && slot < Slots.COUNT ? slot : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param error an error reply
     * @param answered the node that answered it, whose host an empty one stands for
     * @return the redirect, or null when the reply is none (or names no node one can reach)
     */
    static @Nullable Redirect parse(String error, @Nullable ClusterNode answered) {
        boolean asking;
        if (error.startsWith("MOVED ")) {
            asking = false;
        } else if (error.startsWith("ASK ")) {
            asking = true;
        } else {
            return null;
        }
        String[] parts = error.split(" ");
        if (parts.length < 3) {
            return null;
        }
        String endpoint = parts[2];
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        String host = endpoint.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(endpoint.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (host.isEmpty()) {
            if (answered == null) {
                return null;
            }
            host = answered.host();
        }
        if (host.equals("?") || port < 1 || port > 65535) {
            return null;
        }
        return new Redirect(new ClusterNode("", host, port), asking);
    }
}
