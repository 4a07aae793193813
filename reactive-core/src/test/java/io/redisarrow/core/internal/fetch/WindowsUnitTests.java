package io.redisarrow.core.internal.fetch;

import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.CollectionValues.Kind;
import io.redisarrow.core.internal.reply.ElementReplies;
import io.redisarrow.core.internal.reply.FieldIndex;
import io.redisarrow.core.internal.reply.Window;
import io.redisarrow.core.internal.resp.RespFeed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner of collection windows, fed the replies a server would give (through
 * {@link ElementReplies}): whole keys in one round trip, big keys in windows that fill each round
 * trip, SSCAN resumed from its cursor, XRANGE from after the last id, a key ended by a short window
 * or another type.
 */
class WindowsUnitTests {

    static final String WRONGTYPE = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";

    static List<byte[]> keys(int count) {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(("k" + i).getBytes(StandardCharsets.UTF_8));
        }
        return keys;
    }

    /** @return the windows as {@code OP key from count start} */
    static List<String> describe(List<Window> windows) {
        return windows.stream().map(w -> w.op() + " " + new String(w.key(), StandardCharsets.UTF_8) + " "
                + w.from() + " " + w.count() + (w.start() == null ? "" : " " + new String(w.start(),
                        StandardCharsets.US_ASCII))).toList();
    }

    /** Answers the planned windows with these replies, then hands what they got to the planner. */
    static void answer(Windows windows, List<Window> planned, String replies) {
        ElementReplies reader = new ElementReplies(planned, 4, 1000, null, new FieldIndex(List.of()));
        RespFeed.feed(replies.getBytes(StandardCharsets.UTF_8), new int[0], reader);
        assertThat(reader.isComplete()).isTrue();
        windows.update(planned);
    }

    /** An array reply of {@code count} elements, each a bulk string (SMEMBERS, LRANGE). */
    static String elements(int count) {
        StringBuilder out = new StringBuilder("*" + count + "\r\n");
        for (int i = 0; i < count; i++) {
            out.append("$1\r\ne\r\n");
        }
        return out.toString();
    }

    /** A ZRANGE WITHSCORES reply of {@code count} members. */
    static String scored(int count) {
        StringBuilder out = new StringBuilder("*" + count * 2 + "\r\n");
        for (int i = 0; i < count; i++) {
            out.append("$1\r\nm\r\n$1\r\n1\r\n");
        }
        return out.toString();
    }

    /** An SSCAN reply: the cursor, then {@code count} members. */
    static String page(String cursor, int count) {
        return "*2\r\n$" + cursor.length() + "\r\n" + cursor + "\r\n" + elements(count);
    }

    /** An XRANGE reply of entries {@code ms-from} to {@code ms-(from+count-1)}. */
    static String entries(long ms, int from, int count) {
        StringBuilder out = new StringBuilder("*" + count + "\r\n");
        for (int i = from; i < from + count; i++) {
            out.append(entry(ms + "-" + i));
        }
        return out.toString();
    }

    /** One XRANGE entry with one field. */
    static String entry(String id) {
        return "*2\r\n$" + id.length() + "\r\n" + id + "\r\n*2\r\n$1\r\na\r\n$1\r\nv\r\n";
    }

    @Test
    void keysThatFitAreReadWholeAndNeverSplit() {
        Windows windows = new Windows(CollectionValues.of(Kind.LIST, false), 10, keys(5), new long[] { 3, 4, 5, 0, 2 });
        List<Window> first = windows.plan();
        assertThat(describe(first)).containsExactly("LRANGE k0 0 3", "LRANGE k1 0 4");
        answer(windows, first, elements(3) + elements(4));
        List<Window> second = windows.plan();
        assertThat(describe(second)).as("k2 did not fit in what was left; k3 is gone")
                .containsExactly("LRANGE k2 0 5", "LRANGE k4 0 2");
        answer(windows, second, elements(5) + elements(2));
        assertThat(windows.finished()).isTrue();
        assertThat(windows.plan()).isEmpty();
    }

    @Test
    void bigKeysAreSplitIntoWindowsThatFillEachRoundTrip() {
        Windows windows = new Windows(CollectionValues.of(Kind.SORTED_SET, false), 10, keys(3),
                new long[] { 4, 23, 2 });
        List<Window> first = windows.plan();
        assertThat(describe(first)).containsExactly("ZRANGE k0 0 4", "ZRANGE k1 0 6");
        answer(windows, first, scored(4) + scored(6));
        List<Window> second = windows.plan();
        assertThat(describe(second)).containsExactly("ZRANGE k1 6 10");
        answer(windows, second, scored(10));
        List<Window> third = windows.plan();
        assertThat(describe(third)).containsExactly("ZRANGE k1 16 7", "ZRANGE k2 0 2");
        answer(windows, third, scored(7) + scored(2));
        assertThat(windows.finished()).isTrue();
    }

    @Test
    void windowsByPositionArePlannedBeforeTheRepliesOfThoseBefore() {
        Windows windows = new Windows(CollectionValues.of(Kind.LIST, false), 10, keys(2), new long[] { 25, 3 });
        List<Window> first = windows.plan();
        assertThat(windows.ready()).as("the next window depends on no reply").isTrue();
        List<Window> second = windows.plan();
        List<Window> third = windows.plan();
        assertThat(describe(first)).containsExactly("LRANGE k0 0 10");
        assertThat(describe(second)).containsExactly("LRANGE k0 10 10");
        assertThat(describe(third)).containsExactly("LRANGE k0 20 5", "LRANGE k1 0 3");
        assertThat(windows.finished()).as("every window planned").isTrue();
        answer(windows, first, elements(10));
        answer(windows, second, elements(10));
        answer(windows, third, elements(5) + elements(3));
        assertThat(windows.finished()).isTrue();
    }

    @Test
    void anSscanPageWaitsForTheCursorOfThePageBefore() {
        Windows windows = new Windows(CollectionValues.of(Kind.SET, false), 10, keys(2), new long[] { 30, 1 });
        List<Window> first = windows.plan();
        assertThat(describe(first)).containsExactly("SSCAN k0 0 10 0");
        assertThat(windows.ready()).isFalse();
        assertThat(windows.plan()).as("nothing to plan before the cursor").isEmpty();
        windows.cursor(first.get(0), "12".getBytes(StandardCharsets.US_ASCII));
        assertThat(windows.ready()).as("the cursor came ahead of the members").isTrue();
        List<Window> second = windows.plan();
        assertThat(describe(second)).containsExactly("SSCAN k0 0 10 12");
        answer(windows, first, page("12", 10));
        assertThat(windows.ready()).as("the first page's end does not release the second's successor").isFalse();
        windows.cursor(second.get(0), "0".getBytes(StandardCharsets.US_ASCII));
        assertThat(describe(windows.plan())).containsExactly("SMEMBERS k1 0 1");
        answer(windows, second, page("0", 7));
        assertThat(windows.finished()).isTrue();
    }

    @Test
    void aStreamWindowThatDoesNotEndItsStreamWaitsForItsLastId() {
        Windows windows = new Windows(CollectionValues.stream(List.of("a"), "-", "+", Long.MAX_VALUE), 10, keys(1),
                new long[] { 15 });
        List<Window> first = windows.plan();
        assertThat(windows.ready()).isFalse();
        answer(windows, first, entries(3, 0, 10));
        assertThat(describe(windows.plan())).as("the last window ends the stream").containsExactly("XRANGE k0 0 5 (3-9");
        assertThat(windows.ready()).isFalse();
        assertThat(windows.finished()).isTrue();
    }

    @Test
    void aBigSetIsScannedFromTheCursorItsLastPageReturned() {
        Windows windows = new Windows(CollectionValues.of(Kind.SET, false), 10, keys(3), new long[] { 2, 30, 1 });
        List<Window> first = windows.plan();
        assertThat(describe(first)).as("a scan page may pass its COUNT: nothing after it in the round trip")
                .containsExactly("SMEMBERS k0 0 2", "SSCAN k1 0 8 0");
        answer(windows, first, elements(2) + page("12", 9));
        List<Window> second = windows.plan();
        assertThat(describe(second)).containsExactly("SSCAN k1 0 10 12");
        answer(windows, second, page("7", 25));
        List<Window> third = windows.plan();
        assertThat(describe(third)).as("more members than measured: the cursor decides, not the size")
                .containsExactly("SSCAN k1 0 10 7");
        answer(windows, third, page("0", 0));
        assertThat(describe(windows.plan())).containsExactly("SMEMBERS k2 0 1");
    }

    @Test
    void aBigStreamResumesAfterTheLastIdRead() {
        Windows windows = new Windows(CollectionValues.stream(List.of("a"), "(3-3", "+", Long.MAX_VALUE), 10, keys(2),
                new long[] { 25, 3 });
        List<Window> first = windows.plan();
        assertThat(describe(first)).containsExactly("XRANGE k0 0 10 (3-3");
        answer(windows, first, entries(5, 0, 10));
        List<Window> second = windows.plan();
        assertThat(describe(second)).containsExactly("XRANGE k0 0 10 (5-9");
        answer(windows, second, entries(7, 0, 10));
        List<Window> third = windows.plan();
        assertThat(describe(third)).containsExactly("XRANGE k0 0 5 (7-9", "XRANGE k1 0 3 (3-3");
        answer(windows, third, entries(8, 0, 5) + entries(4, 0, 3));
        assertThat(windows.finished()).isTrue();
    }

    @Test
    void countPerKeyCapsWhatIsReadOfEachStream() {
        Windows windows = new Windows(CollectionValues.stream(List.of("a"), "-", "+", 12), 10, keys(2),
                new long[] { 1000, 5 });
        List<Window> first = windows.plan();
        assertThat(describe(first)).containsExactly("XRANGE k0 0 10 -");
        answer(windows, first, entries(1, 0, 10));
        List<Window> second = windows.plan();
        assertThat(describe(second)).containsExactly("XRANGE k0 0 2 (1-9", "XRANGE k1 0 5 -");
        answer(windows, second, entries(2, 0, 2) + entries(1, 0, 5));
        assertThat(windows.finished()).isTrue();
    }

    @Test
    void aShortWindowEndsItsKey() {
        Windows lists = new Windows(CollectionValues.of(Kind.LIST, false), 10, keys(2), new long[] { 30, 2 });
        List<Window> first = lists.plan();
        answer(lists, first, elements(4));
        assertThat(describe(lists.plan())).as("k0 shrank to 4: done").containsExactly("LRANGE k1 0 2");

        Windows streams = new Windows(CollectionValues.stream(List.of("a"), "5", "+", Long.MAX_VALUE), 10, keys(1),
                new long[] { 30 });
        answer(streams, streams.plan(), entries(6, 0, 3));
        assertThat(streams.finished()).as("the range held 3 of the 30 entries").isTrue();
    }

    @Test
    void aKeyOfAnotherTypeNowEnds() {
        Windows windows = new Windows(CollectionValues.of(Kind.LIST, false), 10, keys(2), new long[] { 30, 2 });
        List<Window> first = windows.plan();
        assertThat(describe(first)).containsExactly("LRANGE k0 0 10");
        answer(windows, first, WRONGTYPE);
        assertThat(describe(windows.plan())).containsExactly("LRANGE k1 0 2");

        Windows streams = new Windows(CollectionValues.stream(List.of("a"), "-", "+", Long.MAX_VALUE), 10, keys(1),
                new long[] { 30 });
        answer(streams, streams.plan(), WRONGTYPE);
        assertThat(streams.finished()).isTrue();
    }

    /** XRANGE refuses to start after the largest id, and no entry can follow it. */
    @Test
    void aStreamWindowEndingOnTheLargestIdEndsItsKey() {
        Windows windows = new Windows(CollectionValues.stream(List.of("a"), "-", "+", Long.MAX_VALUE), 2, keys(1),
                new long[] { 30 });
        List<Window> first = windows.plan();
        assertThat(describe(first)).containsExactly("XRANGE k0 0 2 -");
        answer(windows, first, "*2\r\n" + entry("1-0") + entry("18446744073709551615-18446744073709551615"));
        assertThat(windows.finished()).isTrue();
    }
}
