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
 * Reads recorded HGETALL, HMGET and TTL replies into a raw batch, whole and in pieces: every value
 * is written once, where it belongs, whatever the pieces.
 */
class HashRepliesUnitTests {

    private static final List<byte[]> FIELDS = List.of(bytes("name"), bytes("age"));

    private static final String[] KEYS = { "k:1", "k:2", "k:3", "k:4", "k:5" };

    private static String hgetallReplies(String large) {
        return "*6\r\n$3\r\nage\r\n$2\r\n42\r\n$5\r\nextra\r\n$3\r\nzzz\r\n$4\r\nname\r\n$5\r\nAlice\r\n:-1\r\n"
                + "*0\r\n:-2\r\n"
                + "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n:100\r\n"
                + "*2\r\n$4\r\nname\r\n$" + large.length() + "\r\n" + large + "\r\n:5\r\n"
                + "-ERR something else\r\n:7\r\n";
    }

    private static List<String> expectedHgetall(String large) {
        return List.of("k:1 [Alice, 42] ttl -1 keep", "k:2 [-, -] ttl -2", "k:3 [-, -] ttl 100",
                "k:4 [" + large + ", -] ttl 5 keep", "k:5 [-, -] ttl 7", "error row 4: ERR something else",
                "data bytes " + (15 + 5 + 2 + large.length()));
    }

    private static final String HMGET = "*2\r\n$5\r\nAlice\r\n$-1\r\n"
            + "*2\r\n$-1\r\n$-1\r\n"
            + "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"
            + "*2\r\n$3\r\nBob\r\n$1\r\n7\r\n"
            + "*2\r\n$0\r\n\r\n$-1\r\n";

    private static final List<String> EXPECTED_HMGET = List.of("k:1 [Alice, -] keep", "k:2 [-, -] unsure", "k:3 [-, -]",
            "k:4 [Bob, 7] keep", "k:5 [, -] keep", "data bytes " + (15 + 5 + 3 + 1));

    @Test
    void readsHgetallRepliesTheSameSplitAtEveryByte() {
        String large = "v".repeat(100);
        byte[] all = bytes(hgetallReplies(large));
        for (int cut = 0; cut <= all.length; cut++) {
            assertThat(read(all, new int[] { cut }, false, true)).as("split at %d", cut)
                    .containsExactlyElementsOf(expectedHgetall(large));
        }
    }

    @Test
    void readsHmgetRepliesTheSameSplitAtEveryByte() {
        byte[] all = bytes(HMGET);
        for (int cut = 0; cut <= all.length; cut++) {
            assertThat(read(all, new int[] { cut }, true, false)).as("split at %d", cut)
                    .containsExactlyElementsOf(EXPECTED_HMGET);
        }
    }

    /** A value past the reader's gathering threshold, one byte at a time and in random pieces. */
    @Test
    void readsALargeValueOnceWhateverThePieces() {
        char[] chars = new char[RespReader.STREAM_THRESHOLD * 3];
        Random random = new Random(7);
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        String large = new String(chars);
        byte[] all = bytes(hgetallReplies(large));
        int[] everyByte = new int[all.length - 1];
        Arrays.setAll(everyByte, i -> i + 1);
        assertThat(read(all, everyByte, false, true)).containsExactlyElementsOf(expectedHgetall(large));
        for (int seed = 1; seed <= 10; seed++) {
            Random pieces = new Random(seed);
            List<Integer> cuts = new ArrayList<>();
            for (int at = pieces.nextInt(5000); at < all.length; at += 1 + pieces.nextInt(5000)) {
                cuts.add(at);
            }
            assertThat(read(all, cuts.stream().mapToInt(Integer::intValue).toArray(), false, true)).as("seed %d", seed)
                    .containsExactlyElementsOf(expectedHgetall(large));
        }
    }

    private static List<String> read(byte[] all, int[] cuts, boolean projected, boolean withTtl) {
        RawBatch batch = new RawBatch(FIELDS.size(), KEYS.length, withTtl);
        for (String key : KEYS) {
            batch.startRow(bytes(key));
        }
        HashReplies replies = new HashReplies(batch, new FieldIndex(FIELDS), projected);
        RespFeed.feed(all, cuts, replies);
        assertThat(replies.isComplete()).isTrue();
        assertThat(replies.future()).isCompleted();
        List<String> outcome = new ArrayList<>();
        int keyBytes = 0;
        for (int row = 0; row < batch.rowCount(); row++) {
            keyBytes += batch.keyLength(row);
            StringBuilder line = new StringBuilder(new String(batch.key(row), StandardCharsets.UTF_8)).append(" [");
            for (int column = 0; column < FIELDS.size(); column++) {
                int length = batch.valueLength(row, column);
                line.append(column > 0 ? ", " : "").append(length == RawBatch.MISSING ? "-"
                        : new String(batch.data(), batch.valueOffset(row, column), length, StandardCharsets.UTF_8));
            }
            line.append(']');
            if (withTtl) {
                line.append(" ttl ").append(batch.ttl(row));
            }
            line.append(replies.keep()[row] ? " keep" : "").append(replies.unsure()[row] ? " unsure" : "");
            outcome.add(line.toString());
        }
        if (replies.error() != null) {
            outcome.add("error row " + replies.errorRow() + ": " + replies.error());
        }
        outcome.add("data bytes " + batch.dataSize());
        assertThat(keyBytes).isEqualTo(15);
        return outcome;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
