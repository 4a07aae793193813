package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.resp.RespFeed;
import io.redisarrow.core.internal.resp.RespReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads recorded JSON.MGET and MGET replies and their TTL replies into a raw batch, split at every
 * byte: each element lands in its key's row, byte for byte; a nil is a key with no row (for MGET
 * also counted as maybe of another type, never as unsure); a WRONGTYPE for the command marks the
 * batch for a key-by-key read; any other error is reported.
 */
class MgetRepliesUnitTests {

    private static final String[] KEYS = { "doc:1", "doc:2", "doc:3" };

    @Test
    void readsEachJsonMgetElementIntoItsRowSplitAtEveryByte() {
        String doc = "[{\"s\":\"\u00e9\\\"\"}]";
        int docBytes = doc.getBytes(StandardCharsets.UTF_8).length;
        byte[] all = bytes("*3\r\n$" + docBytes + "\r\n" + doc + "\r\n$-1\r\n$3\r\n[2]\r\n:-1\r\n:-2\r\n:50\r\n");
        for (int cut = 0; cut <= all.length; cut++) {
            Read read = read(all, new int[] { cut }, true, false);
            MgetReplies replies = read.replies();
            assertThat(outcome(read.batch(), replies)).as("split at %d", cut)
                    .containsExactly("doc:1 " + doc + " ttl -1 keep", "doc:2 - ttl -2", "doc:3 [2] ttl 50 keep");
            assertThat(replies.wrongType()).isFalse();
            assertThat(replies.error()).isNull();
            assertThat(replies.otherTypes()).as("a nil JSON.MGET element is a key gone").isZero();
        }
    }

    /**
     * A recorded MGET reply: a value with every byte value (CR, LF and NUL included), an empty
     * string, a nil (a key gone or of another type), a unicode value; then the TTLs, one of a key
     * that expired after MGET.
     */
    @Test
    void readsEachMgetElementIntoItsRowSplitAtEveryByte() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByte[i] = (byte) i;
        }
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        recorded.writeBytes(bytes("*4\r\n$256\r\n"));
        recorded.writeBytes(everyByte);
        recorded.writeBytes(bytes("\r\n$0\r\n\r\n$-1\r\n$8\r\n\u00e9\u4e16\u270c\r\n:-1\r\n:120\r\n:-2\r\n:-2\r\n"));
        byte[] all = recorded.toByteArray();
        String[] keys = { "s:1", "s:2", "s:3", "s:4" };
        for (int cut = 0; cut <= all.length; cut++) {
            Read read = read(all, new int[] { cut }, true, true, keys);
            MgetReplies replies = read.replies();
            RawBatch batch = read.batch();
            assertThat(Arrays.copyOfRange(batch.data(), batch.valueOffset(0, 0), batch.valueOffset(0, 0) + 256))
                    .as("split at %d", cut).isEqualTo(everyByte);
            assertThat(outcome(batch, replies)).as("split at %d", cut).containsExactly(
                    "s:1 " + new String(everyByte, StandardCharsets.UTF_8) + " ttl -1 keep", "s:2  ttl 120 keep",
                    "s:3 - ttl -2", "s:4 \u00e9\u4e16\u270c ttl -2 keep");
            assertThat(replies.unsure()).as("no EXISTS round trip").containsOnly(false);
            assertThat(replies.otherTypes()).as("the nil may be a key of another type").isEqualTo(1);
            assertThat(replies.wrongType()).isFalse();
            assertThat(replies.error()).isNull();
        }
    }

    /** A value past the reader's gathering threshold, one byte at a time and in random pieces. */
    @Test
    void readsALargeMgetValueOnceWhateverThePieces() {
        char[] chars = new char[RespReader.STREAM_THRESHOLD * 3];
        Random random = new Random(5);
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        String large = new String(chars);
        byte[] all = bytes("*3\r\n$-1\r\n$" + large.length() + "\r\n" + large + "\r\n$1\r\nx\r\n");
        List<String> expected = List.of("doc:1 -", "doc:2 " + large + " keep", "doc:3 x keep");
        int[] everyByte = new int[all.length - 1];
        Arrays.setAll(everyByte, i -> i + 1);
        assertThat(outcome(read(all, everyByte, false, true))).containsExactlyElementsOf(expected);
        for (int seed = 1; seed <= 5; seed++) {
            Random pieces = new Random(seed);
            List<Integer> cuts = new ArrayList<>();
            for (int at = pieces.nextInt(5000); at < all.length; at += 1 + pieces.nextInt(5000)) {
                cuts.add(at);
            }
            assertThat(outcome(read(all, cuts.stream().mapToInt(Integer::intValue).toArray(), false, true)))
                    .as("seed %d", seed).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void anMgetOfOnlyValuesCountsNoOtherType() {
        MgetReplies replies = read(bytes("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n"), new int[] { 7 }, false, true)
                .replies();
        assertThat(replies.keep()).containsOnly(true);
        assertThat(replies.otherTypes()).isZero();
    }

    @Test
    void aWrongTypeForTheCommandAsksForAKeyByKeyRead() {
        byte[] all = bytes("-WRONGTYPE Not a JSON document key\r\n");
        for (int cut = 0; cut <= all.length; cut++) {
            MgetReplies replies = read(all, new int[] { cut }, false, false).replies();
            assertThat(replies.wrongType()).isTrue();
            assertThat(replies.otherTypes()).isEqualTo(1);
            assertThat(replies.error()).isNull();
            assertThat(replies.keep()).containsOnly(false);
        }
    }

    @Test
    void anyOtherErrorIsReported() {
        MgetReplies replies = read(bytes("-ERR unknown command 'JSON.MGET'\r\n"), new int[] { 3 }, false, false)
                .replies();
        assertThat(replies.wrongType()).isFalse();
        assertThat(replies.error()).isEqualTo("ERR unknown command 'JSON.MGET'");
        assertThat(replies.errorRow()).isZero();
    }

    /** The replies with the batch they filled. */
    private record Read(RawBatch batch, MgetReplies replies) {
    }

    private static Read read(byte[] all, int[] cuts, boolean withTtl, boolean mget) {
        return read(all, cuts, withTtl, mget, KEYS);
    }

    private static Read read(byte[] all, int[] cuts, boolean withTtl, boolean mget, String[] keys) {
        RawBatch batch = new RawBatch(1, keys.length, withTtl);
        for (String key : keys) {
            batch.startRow(bytes(key));
        }
        MgetReplies replies = new MgetReplies(batch, mget);
        RespFeed.feed(all, cuts, replies);
        assertThat(replies.isComplete()).isTrue();
        return new Read(batch, replies);
    }

    private static List<String> outcome(Read read) {
        return outcome(read.batch(), read.replies());
    }

    private static List<String> outcome(RawBatch batch, MgetReplies replies) {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            int length = batch.valueLength(row, 0);
            rows.add(new String(batch.key(row), StandardCharsets.UTF_8) + " "
                    + (length == RawBatch.MISSING ? "-"
                            : new String(batch.data(), batch.valueOffset(row, 0), length, StandardCharsets.UTF_8))
                    + (batch.hasTtl() ? " ttl " + batch.ttl(row) : "") + (replies.keep()[row] ? " keep" : ""));
        }
        return rows;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
