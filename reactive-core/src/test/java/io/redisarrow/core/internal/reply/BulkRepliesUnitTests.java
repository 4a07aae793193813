package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.resp.RespFeed;
import io.redisarrow.core.internal.resp.RespReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads recorded JSON.GET, GET and TTL replies into a raw batch, whole and in pieces: each value is
 * kept whole, byte for byte; a nil is a key gone for certain (never unsure); WRONGTYPE is a key of
 * another type; other errors are reported with their row.
 */
class BulkRepliesUnitTests {

    private static final String[] KEYS = { "doc:1", "doc:2", "doc:3", "doc:4", "doc:5", "doc:6" };

    private static String replies(String large) {
        String unicode = "[{\"name\":\"\u00e9\\uD83D\\uDE00\\\"\\\\\"}]";
        int unicodeBytes = unicode.getBytes(StandardCharsets.UTF_8).length;
        return "$9\r\n[{\"a\":1}]\r\n:-1\r\n"
                + "$-1\r\n:-2\r\n"
                + "-WRONGTYPE Not a JSON document key\r\n:100\r\n"
                + "$" + unicodeBytes + "\r\n" + unicode + "\r\n:5\r\n"
                + "$" + (large.length() + 2) + "\r\n[" + large + "]\r\n:-1\r\n"
                + "-ERR something else\r\n:7\r\n";
    }

    private static List<String> expected(String large) {
        return List.of("doc:1 [{\"a\":1}] ttl -1 keep", "doc:2 - ttl -2", "doc:3 - ttl 100",
                "doc:4 [{\"name\":\"\u00e9\\uD83D\\uDE00\\\"\\\\\"}] ttl 5 keep",
                "doc:5 [" + large + "] ttl -1 keep", "doc:6 - ttl 7", "other types 1",
                "error row 5: ERR something else");
    }

    @Test
    void readsRepliesTheSameSplitAtEveryByte() {
        String large = "\"" + "v".repeat(100) + "\"";
        byte[] all = bytes(replies(large));
        for (int cut = 0; cut <= all.length; cut++) {
            assertThat(read(all, new int[] { cut })).as("split at %d", cut).containsExactlyElementsOf(expected(large));
        }
    }

    /** A document past the reader's gathering threshold, one byte at a time and in random pieces. */
    @Test
    void readsALargeDocumentOnceWhateverThePieces() {
        char[] chars = new char[RespReader.STREAM_THRESHOLD * 3];
        Random random = new Random(11);
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        String large = "\"" + new String(chars) + "\"";
        byte[] all = bytes(replies(large));
        int[] everyByte = new int[all.length - 1];
        Arrays.setAll(everyByte, i -> i + 1);
        assertThat(read(all, everyByte)).containsExactlyElementsOf(expected(large));
        for (int seed = 1; seed <= 5; seed++) {
            Random pieces = new Random(seed);
            List<Integer> cuts = new ArrayList<>();
            for (int at = pieces.nextInt(5000); at < all.length; at += 1 + pieces.nextInt(5000)) {
                cuts.add(at);
            }
            assertThat(read(all, cuts.stream().mapToInt(Integer::intValue).toArray())).as("seed %d", seed)
                    .containsExactlyElementsOf(expected(large));
        }
    }

    /** GET replies: a value of every byte value (CR, LF and NUL included), an empty string, a nil, WRONGTYPE. */
    @Test
    void readsGetRepliesOfAnyBytesSplitAtEveryByte() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByte[i] = (byte) i;
        }
        java.io.ByteArrayOutputStream recorded = new java.io.ByteArrayOutputStream();
        recorded.writeBytes(bytes("$256\r\n"));
        recorded.writeBytes(everyByte);
        recorded.writeBytes(bytes("\r\n$0\r\n\r\n$-1\r\n"
                + "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"));
        byte[] all = recorded.toByteArray();
        for (int cut = 0; cut <= all.length; cut++) {
            RawBatch batch = new RawBatch(1, 4, false);
            for (String key : new String[] { "s:1", "s:2", "s:3", "s:4" }) {
                batch.startRow(bytes(key));
            }
            BulkReplies replies = new BulkReplies(batch);
            RespFeed.feed(all, new int[] { cut }, replies);
            assertThat(replies.isComplete()).isTrue();
            int at = batch.valueOffset(0, 0);
            assertThat(Arrays.copyOfRange(batch.data(), at, at + batch.valueLength(0, 0))).as("split at %d", cut)
                    .isEqualTo(everyByte);
            assertThat(batch.valueLength(1, 0)).as("an empty string is a value").isZero();
            assertThat(replies.keep()).containsExactly(true, true, false, false);
            assertThat(replies.unsure()).containsOnly(false);
            assertThat(replies.otherTypes()).isEqualTo(1);
            assertThat(replies.error()).isNull();
        }
    }

    private static List<String> read(byte[] all, int[] cuts) {
        RawBatch batch = new RawBatch(1, KEYS.length, true);
        for (String key : KEYS) {
            batch.startRow(bytes(key));
        }
        BulkReplies replies = new BulkReplies(batch);
        RespFeed.feed(all, cuts, replies);
        assertThat(replies.isComplete()).isTrue();
        List<String> outcome = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            int length = batch.valueLength(row, 0);
            assertThat(replies.unsure()[row]).as("a nil JSON.GET is certain").isFalse();
            outcome.add(new String(batch.key(row), StandardCharsets.UTF_8) + " "
                    + (length == RawBatch.MISSING ? "-"
                            : new String(batch.data(), batch.valueOffset(row, 0), length, StandardCharsets.UTF_8))
                    + " ttl " + batch.ttl(row) + (replies.keep()[row] ? " keep" : ""));
        }
        outcome.add("other types " + replies.otherTypes());
        if (replies.error() != null) {
            outcome.add("error row " + replies.errorRow() + ": " + replies.error());
        }
        return outcome;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
