package io.redisarrow.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Where a scan stood after a batch: for each node scanned (one for a standalone Redis, one per
 * master of a cluster), its SCAN cursor and the keys delivered from it, plus the rows delivered in
 * all. Save the checkpoint of the last batch you have fully handled ({@link #toString()} gives a
 * one-line text, {@link #parse(String)} reads it back), and start the same scan from it after a
 * crash or a restart to read the rest.
 *
 * <p><b>At least once.</b> No key present for the whole scan is lost across a resume. Keys may
 * come twice, only around the checkpoint: the rest of the SCAN page the checkpoint falls in is read
 * again, and a node that is no longer the same process (a restart or a failover gives it a new
 * {@code run_id}, which gives its keys new SCAN positions) or no longer holds the same hash slots
 * is scanned again from its start, since its old cursor means nothing there.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScanCheckpoint {

    private static final String VERSION = "redis-arrow-checkpoint-1";

    private final String pattern;

    private final long rows;

    private final List<Node> nodes;

    private final String repair;

    /**
     * @param pattern the scan's MATCH pattern
     * @param rows rows delivered before and with the batch
     * @param nodes where each node's scan stands
     * @param repair hash slots that must be read again once the node scans end (slots that moved
     *        during the scan), as ranges such as {@code 5-9,100}; empty for none
     */
    public ScanCheckpoint(String pattern, long rows, List<Node> nodes, String repair) {
        this.pattern = Objects.requireNonNull(pattern, "pattern must not be null");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0; got " + rows);
        }
        this.rows = rows;
        this.nodes = List.copyOf(nodes);
        this.repair = Objects.requireNonNull(repair, "repair must not be null");
    }

    /**
     * Reads a checkpoint back from its {@link #toString()} text.
     *
     * @param text the text
     * @return the checkpoint
     * @throws IllegalArgumentException when the text is not a checkpoint of this version
     */
    public static ScanCheckpoint parse(String text) {
        Objects.requireNonNull(text, "text must not be null");
        String[] lines = text.strip().split(";", -1);
        if (lines.length < 4 || !lines[0].equals(VERSION)) {
            throw invalid(text, "it does not start with " + VERSION);
        }
        try {
            String pattern = decode(lines[1]);
            long rows = Long.parseLong(lines[2]);
            String repair = lines[3];
            List<Node> nodes = new ArrayList<>();
            for (int i = 4; i < lines.length; i++) {
                nodes.add(Node.parse(lines[i]));
            }
            return new ScanCheckpoint(pattern, rows, nodes, repair);
        } catch (RuntimeException e) {
            throw invalid(text, e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String text, String why) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new IllegalArgumentException("not a redis-arrow scan checkpoint (" + why + "): " + shown);
    }

    /** @return the MATCH pattern of the scan it was taken from; a resumed scan must have the same */
    public String pattern() {
        return pattern;
    }

    /** @return the rows delivered up to and with the batch that carried it */
    public long rows() {
        return rows;
    }

    /** @return where each node's scan stood */
    public List<Node> nodes() {
        return nodes;
    }

    /** @return hash slots to read again after the node scans (ranges such as {@code 5-9,100}), or empty */
    public String repair() {
        return repair;
    }

    /** @return the keys delivered from every node: with {@code DBSIZE}, a measure of progress */
    public long keysDelivered() {
        long keys = 0;
        for (Node node : nodes) {
            keys += node.keys();
        }
        return keys;
    }

    /**
     * @return whether every node's scan had ended and no slot is left to read again. The last batch
     *         of a scan may still say false (a node's end is known only after its last batch): the
     *         scan's completion is the sure sign that it read everything
     */
    public boolean finished() {
        for (Node node : nodes) {
            if (!node.finished()) {
                return false;
            }
        }
        return repair.isEmpty();
    }

    /** @return the one-line text {@link #parse(String)} reads back; it holds no password */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(VERSION).append(';').append(encode(pattern)).append(';').append(rows)
                .append(';').append(repair);
        for (Node node : nodes) {
            text.append(';').append(node);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanCheckpoint other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    private static String encode(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String value) {
        return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
    }

    /**
     * Where one node's scan stood.
     *
     * @param id the cluster node id, or empty for a standalone Redis
     * @param address {@code host:port}
     * @param runId the server process's {@code run_id} ({@code INFO server}); a SCAN cursor is valid
     *        only in the process that gave it
     * @param slots the hash slots the node held (ranges such as {@code 0-5460}), or empty for a
     *        standalone Redis
     * @param cursor the SCAN cursor to continue from ({@code 0} with {@code finished})
     * @param finished whether the node's scan had ended
     * @param keys the keys delivered from the node (every row of a key delivered)
     */
    public record Node(String id, String address, String runId, String slots, String cursor, boolean finished,
            long keys) {

        /**
         * @throws IllegalArgumentException when a part is malformed
         */
        public Node {
            Objects.requireNonNull(id, "id must not be null");
            Objects.requireNonNull(address, "address must not be null");
            Objects.requireNonNull(runId, "runId must not be null");
            Objects.requireNonNull(slots, "slots must not be null");
            Objects.requireNonNull(cursor, "cursor must not be null");
            if (cursor.isEmpty() || !cursor.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("cursor must be a decimal SCAN cursor; got '" + cursor + "'");
            }
            if (keys < 0) {
                throw new IllegalArgumentException("keys must be >= 0; got " + keys);
            }
        }

        @Override
        public String toString() {
            return String.join(",", id, address, runId, slots.replace(',', ' '), cursor, finished ? "done" : "open",
                    Long.toString(keys));
        }

        static Node parse(String text) {
            String[] parts = text.split(",", -1);
            if (parts.length != 7) {
                throw new IllegalArgumentException("a node has 7 parts; got '" + text + "'");
            }
            if (!parts[5].equals("done") && !parts[5].equals("open")) {
                throw new IllegalArgumentException("a node is done or open; got '" + parts[5] + "'");
            }
            return new Node(parts[0], parts[1], parts[2], parts[3].replace(' ', ','), parts[4], parts[5].equals("done"),
                    Long.parseLong(parts[6]));
        }
    }
}
