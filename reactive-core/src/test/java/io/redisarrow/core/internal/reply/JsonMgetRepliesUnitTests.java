package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.resp.RespFeed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a recorded JSON.MGET reply and its TTL replies into a raw batch, split at every byte: each
 * element lands in its key's row; a nil is a key gone; a WRONGTYPE for the command marks the batch
 * for a key-by-key read; any other error is reported.
 */
class JsonMgetRepliesUnitTests {

    private static final String[] KEYS = { "doc:1", "doc:2", "doc:3" };

    @Test
    void readsEachElementIntoItsRowSplitAtEveryByte() {
        String doc = "[{\"s\":\"\u00e9\\\"\"}]";
        int docBytes = doc.getBytes(StandardCharsets.UTF_8).length;
        byte[] all = bytes("*3\r\n$" + docBytes + "\r\n" + doc + "\r\n$-1\r\n$3\r\n[2]\r\n:-1\r\n:-2\r\n:50\r\n");
        for (int cut = 0; cut <= all.length; cut++) {
            Read read = read(all, cut, true);
            JsonMgetReplies replies = read.replies();
            assertThat(outcome(read.batch(), replies)).as("split at %d", cut)
                    .containsExactly("doc:1 " + doc + " ttl -1 keep", "doc:2 - ttl -2", "doc:3 [2] ttl 50 keep");
            assertThat(replies.wrongType()).isFalse();
            assertThat(replies.error()).isNull();
        }
    }

    @Test
    void aWrongTypeForTheCommandAsksForAKeyByKeyRead() {
        byte[] all = bytes("-WRONGTYPE Not a JSON document key\r\n");
        for (int cut = 0; cut <= all.length; cut++) {
            JsonMgetReplies replies = read(all, cut, false).replies();
            assertThat(replies.wrongType()).isTrue();
            assertThat(replies.otherTypes()).isEqualTo(1);
            assertThat(replies.error()).isNull();
            assertThat(replies.keep()).containsOnly(false);
        }
    }

    @Test
    void anyOtherErrorIsReported() {
        JsonMgetReplies replies = read(bytes("-ERR unknown command 'JSON.MGET'\r\n"), 3, false).replies();
        assertThat(replies.wrongType()).isFalse();
        assertThat(replies.error()).isEqualTo("ERR unknown command 'JSON.MGET'");
        assertThat(replies.errorRow()).isZero();
    }

    /** The replies with the batch they filled. */
    private record Read(RawBatch batch, JsonMgetReplies replies) {
    }

    private static Read read(byte[] all, int cut, boolean withTtl) {
        RawBatch batch = new RawBatch(1, KEYS.length, withTtl);
        for (String key : KEYS) {
            batch.startRow(bytes(key));
        }
        JsonMgetReplies replies = new JsonMgetReplies(batch);
        RespFeed.feed(all, new int[] { cut }, replies);
        assertThat(replies.isComplete()).isTrue();
        return new Read(batch, replies);
    }

    private static List<String> outcome(RawBatch batch, JsonMgetReplies replies) {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            int length = batch.valueLength(row, 0);
            rows.add(new String(batch.key(row), StandardCharsets.UTF_8) + " "
                    + (length == RawBatch.MISSING ? "-"
                            : new String(batch.data(), batch.valueOffset(row, 0), length, StandardCharsets.UTF_8))
                    + " ttl " + batch.ttl(row) + (replies.keep()[row] ? " keep" : ""));
        }
        return rows;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
