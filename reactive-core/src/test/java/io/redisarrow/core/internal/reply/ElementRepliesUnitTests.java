package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.reply.Window.Op;
import io.redisarrow.core.internal.resp.RespFeed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads recorded replies of every collection window command (SMEMBERS, SSCAN, LRANGE, ZRANGE
 * WITHSCORES, XRANGE) into raw batches, whole and split at every byte: one row per element in
 * window order, the columns of each command, new batches at the batch size, WRONGTYPE windows
 * marked with no rows, the first other error kept with its window.
 */
class ElementRepliesUnitTests {

    static final FieldIndex NO_FIELDS = new FieldIndex(List.of());

    static final FieldIndex STREAM_FIELDS = new FieldIndex(List.of(bytes("a"), bytes("b")));

    static final String WRONGTYPE = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";

    static String array(int count) {
        return "*" + count + "\r\n";
    }

    static String bulk(String value) {
        return "$" + bytes(value).length + "\r\n" + value + "\r\n";
    }

    static String bulks(String... values) {
        StringBuilder out = new StringBuilder(array(values.length));
        for (String value : values) {
            out.append(bulk(value));
        }
        return out.toString();
    }

    /** One XRANGE entry: {@code [id, [field, value, ...]]}. */
    static String entry(String id, String... fieldsAndValues) {
        return array(2) + bulk(id) + bulks(fieldsAndValues);
    }

    static Window window(Op op, int keyIndex, String key, long from, int count, String start) {
        return new Window(op, keyIndex, bytes(key), from, count, start == null ? null : bytes(start));
    }

    /** A round trip's windows, fresh for each reading (a window records what its reply gave). */
    record RoundTrip(Supplier<List<Window>> windows, int columns, int batchSize, long[] ttls, FieldIndex fields,
            String replies) {
    }

    @Test
    void smembersGivesOneMemberPerRow() {
        assertEveryCut(new RoundTrip(() -> List.of(window(Op.SMEMBERS, 0, "s", 0, 3, null)), 1, 10, null, NO_FIELDS,
                bulks("a", "bé", "")), List.of(
                        "batch 0: s | a", "batch 0: s | bé", "batch 0: s | ",
                        "SMEMBERS s got 3"));
    }

    @Test
    void sscanKeepsTheCursorAndReadsTheMembers() {
        assertEveryCut(new RoundTrip(() -> List.of(window(Op.SSCAN, 0, "s", 0, 2, "0"),
                window(Op.SSCAN, 1, "t", 0, 2, "42")), 1, 10, null, NO_FIELDS,
                array(2) + bulk("17") + bulks("x", "y", "z") + array(2) + bulk("0") + array(0)), List.of(
                        "batch 0: s | x", "batch 0: s | y", "batch 0: s | z",
                        "SSCAN s got 3 cursor 17", "SSCAN t got 0 cursor 0"));
    }

    @Test
    void lrangeGivesEachElementItsPosition() {
        assertEveryCut(new RoundTrip(() -> List.of(window(Op.LRANGE, 0, "l", 0, 2, null),
                window(Op.LRANGE, 1, "m", 9_999_999_998L, 3, null)), 2, 10, null, NO_FIELDS,
                bulks("head", "next") + bulks("p", "q", "r")), List.of(
                        "batch 0: l | head | 0", "batch 0: l | next | 1",
                        "batch 0: m | p | 9999999998", "batch 0: m | q | 9999999999", "batch 0: m | r | 10000000000",
                        "LRANGE l got 2", "LRANGE m got 3"));
    }

    @Test
    void zrangeGivesEachMemberItsScoreText() {
        assertEveryCut(new RoundTrip(() -> List.of(window(Op.ZRANGE, 0, "z", 0, 4, null)), 2, 10, null, NO_FIELDS,
                bulks("low", "-inf", "a", "1", "b", "2.5", "top", "inf")), List.of(
                        "batch 0: z | low | -inf", "batch 0: z | a | 1", "batch 0: z | b | 2.5", "batch 0: z | top | inf",
                        "ZRANGE z got 4"));
    }

    /**
     * The id split into milliseconds and sequence, the asked fields in column order whatever the
     * entry's order, unknown fields ignored, missing ones MISSING, a repeated field's last value.
     */
    @Test
    void xrangeSplitsTheIdAndPlacesTheFieldsInColumnOrder() {
        assertEveryCut(new RoundTrip(() -> List.of(window(Op.XRANGE, 0, "x", 0, 5, "-"),
                window(Op.XRANGE, 1, "y", 0, 5, "(7-0")), 4, 10, null, STREAM_FIELDS,
                array(4) + entry("1700000000000-0", "b", "B", "extra", "E", "a", "A")
                        + entry("1700000000000-1", "other", "o")
                        + entry("18446744073709551615-18446744073709551615", "a", "first", "a", "last")
                        + entry("5-6", "a", "", "b", "ü")
                        + array(0)), List.of(
                                "batch 0: x | 1700000000000 | 0 | A | B",
                                "batch 0: x | 1700000000000 | 1 | - | -",
                                "batch 0: x | 18446744073709551615 | 18446744073709551615 | last | -",
                                "batch 0: x | 5 | 6 |  | ü",
                                "XRANGE x got 4 last 5-6", "XRANGE y got 0"));
    }

    @Test
    void aFullBatchStartsANewOneWithinAWindowAndAcrossWindows() {
        assertEveryCut(new RoundTrip(() -> List.of(window(Op.LRANGE, 0, "a", 0, 3, null),
                window(Op.LRANGE, 1, "b", 0, 2, null), window(Op.XRANGE, 2, "c", 0, 2, "-")), 4, 2, null, STREAM_FIELDS,
                bulks("a0", "a1", "a2") + bulks("b0", "b1") + array(2) + entry("1-1", "a", "c0") + entry("1-2", "b", "c1")),
                List.of("batch 0: a | a0 | 0 | - | -", "batch 0: a | a1 | 1 | - | -",
                        "batch 1: a | a2 | 2 | - | -", "batch 1: b | b0 | 0 | - | -",
                        "batch 2: b | b1 | 1 | - | -", "batch 2: c | 1 | 1 | c0 | -",
                        "batch 3: c | 1 | 2 | - | c1",
                        "LRANGE a got 3", "LRANGE b got 2", "XRANGE c got 2 last 1-2"));
    }

    @Test
    void rowsCarryTheirKeysTtl() {
        assertEveryCut(new RoundTrip(() -> List.of(window(Op.SMEMBERS, 1, "s", 0, 1, null),
                window(Op.SMEMBERS, 3, "t", 0, 1, null)), 1, 10, new long[] { 9, 100, 9, -1 }, NO_FIELDS,
                bulks("m") + bulks("n")), List.of("batch 0: s | m ttl 100", "batch 0: t | n ttl -1",
                        "SMEMBERS s got 1", "SMEMBERS t got 1"));
    }

    /** A key that now holds another type gives no rows and is marked; the windows after it are read. */
    @Test
    void wrongTypeMarksTheWindowWithNoRows() {
        assertEveryCut(new RoundTrip(() -> List.of(window(Op.LRANGE, 0, "a", 0, 2, null),
                window(Op.XRANGE, 1, "b", 0, 2, "-"), window(Op.LRANGE, 2, "c", 0, 2, null)), 2, 10, null, NO_FIELDS,
                WRONGTYPE + WRONGTYPE + bulks("c0")), List.of("batch 0: c | c0 | 0",
                        "LRANGE a got 0 other type", "XRANGE b got 0 other type", "LRANGE c got 1",
                        "other types 2"));
    }

    /** The first error other than WRONGTYPE is kept with its window; later replies are still read. */
    @Test
    void theFirstOtherErrorIsKeptWithItsWindow() {
        assertEveryCut(new RoundTrip(() -> List.of(window(Op.ZRANGE, 0, "a", 0, 1, null),
                window(Op.XRANGE, 1, "b", 0, 2, "(9-9"), window(Op.ZRANGE, 2, "c", 0, 1, null)), 4, 10, null,
                STREAM_FIELDS, "-ERR first\r\n" + array(1) + entry("10-0", "a", "v") + "-ERR second\r\n"),
                List.of("batch 0: b | 10 | 0 | v | -", "ZRANGE a got 0", "XRANGE b got 1 last 10-0", "ZRANGE c got 0",
                        "error at a: ERR first"));
    }

    /** No rows: one empty batch is not handed on. */
    @Test
    void emptyRepliesGiveNoBatch() {
        assertEveryCut(new RoundTrip(() -> List.of(window(Op.SMEMBERS, 0, "s", 0, 2, null),
                window(Op.XRANGE, 1, "x", 0, 2, "-")), 2, 10, null, STREAM_FIELDS, array(0) + array(0)),
                List.of("SMEMBERS s got 0", "XRANGE x got 0"));
    }

    @Test
    void aLargeRoundTripOneByteAtATime() {
        StringBuilder replies = new StringBuilder(array(300));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String value = "v".repeat(i % 50) + i;
            replies.append(entry("100-" + i, "b", value));
            expected.add("batch " + i / 128 + ": x | 100 | " + i + " | - | " + value);
        }
        expected.add("XRANGE x got 300 last 100-299");
        RoundTrip trip = new RoundTrip(() -> List.of(window(Op.XRANGE, 0, "x", 0, 300, "-")), 4, 128, null,
                STREAM_FIELDS, replies.toString());
        byte[] all = bytes(trip.replies());
        int[] everyByte = new int[all.length - 1];
        Arrays.setAll(everyByte, i -> i + 1);
        assertThat(read(trip, everyByte)).containsExactlyElementsOf(expected);
    }

    @Test
    void theSscanCursorIsHandedOnBeforeTheMembersArriveAndOnceOnly() {
        String reply = array(2) + bulk("17") + bulks("x", "y");
        byte[] all = bytes(reply);
        int cursorEnd = bytes(array(2) + bulk("17")).length;
        List<String> seen = new ArrayList<>();
        ElementReplies early = new ElementReplies(List.of(window(Op.SSCAN, 0, "s", 0, 2, "0")), 1, 10, null, NO_FIELDS);
        early.whenCursor(cursor -> seen.add("early " + text(cursor)));
        RespFeed.feed(Arrays.copyOf(all, cursorEnd), new int[0], early);
        assertThat(seen).containsExactly("early 17");
        assertThat(early.isComplete()).isFalse();

        ElementReplies late = new ElementReplies(List.of(window(Op.SSCAN, 0, "s", 0, 2, "0")), 1, 10, null, NO_FIELDS);
        RespFeed.feed(all, new int[0], late);
        late.whenCursor(cursor -> seen.add("late " + text(cursor)));
        assertThat(seen).containsExactly("early 17", "late 17");

        ElementReplies none = new ElementReplies(List.of(window(Op.LRANGE, 0, "l", 0, 2, null)), 2, 10, null, NO_FIELDS);
        none.whenCursor(cursor -> seen.add("never"));
        RespFeed.feed(bytes(bulks("a")), new int[0], none);
        assertThat(seen).containsExactly("early 17", "late 17");
    }

    static void assertEveryCut(RoundTrip trip, List<String> expected) {
        byte[] all = bytes(trip.replies());
        for (int cut = 0; cut <= all.length; cut++) {
            assertThat(read(trip, cut == 0 || cut == all.length ? new int[0] : new int[] { cut }))
                    .as("split at %d", cut).containsExactlyElementsOf(expected);
        }
        int[] everyByte = new int[all.length - 1];
        Arrays.setAll(everyByte, i -> i + 1);
        assertThat(read(trip, everyByte)).as("one byte at a time").containsExactlyElementsOf(expected);
    }

    static List<String> read(RoundTrip trip, int[] cuts) {
        List<Window> windows = trip.windows().get();
        ElementReplies replies = new ElementReplies(windows, trip.columns(), trip.batchSize(), trip.ttls(),
                trip.fields());
        RespFeed.feed(bytes(trip.replies()), cuts, replies);
        assertThat(replies.isComplete()).isTrue();
        assertThat(replies.future()).isCompleted();
        List<String> outcome = new ArrayList<>();
        List<RawBatch> batches = replies.batches();
        for (int b = 0; b < batches.size(); b++) {
            RawBatch batch = batches.get(b);
            assertThat(batch.rowCount()).isBetween(1, trip.batchSize());
            assertThat(batch.columnCount()).isEqualTo(trip.columns());
            for (int row = 0; row < batch.rowCount(); row++) {
                StringBuilder line = new StringBuilder("batch " + b + ": ").append(text(batch.key(row)));
                for (int column = 0; column < batch.columnCount(); column++) {
                    int length = batch.valueLength(row, column);
                    line.append(" | ").append(length == RawBatch.MISSING ? "-"
                            : new String(batch.data(), batch.valueOffset(row, column), length, StandardCharsets.UTF_8));
                }
                if (batch.hasTtl()) {
                    line.append(" ttl ").append(batch.ttl(row));
                }
                outcome.add(line.toString());
            }
        }
        for (Window window : windows) {
            outcome.add(window.op() + " " + text(window.key()) + " got " + window.got()
                    + (window.cursor() == null ? "" : " cursor " + text(window.cursor()))
                    + (window.lastId() == null ? "" : " last " + text(window.lastId()))
                    + (window.otherType() ? " other type" : ""));
        }
        if (replies.otherTypes() > 0) {
            outcome.add("other types " + replies.otherTypes());
        }
        if (replies.error() != null) {
            outcome.add("error at " + text(replies.errorWindow().key()) + ": " + replies.error());
        }
        return outcome;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
