package io.redisarrow.core.internal.write;

import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteOutcome;
import io.redisarrow.core.WriteReply;
import io.redisarrow.core.internal.resp.RespFeed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the recorded replies of a whole batch sent on one connection into its outcome, whole and
 * split at every byte: each unit is written, skipped or failed (with its first error), whatever the
 * pieces.
 */
class WriteRepliesUnitTests {

    /** One unit of each kind and outcome, with the replies a server sends for them. */
    private static final String REPLIES = ":1\r\n" // HSET: written
            + "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n" // HSET: failed
            + "$-1\r\n" // SET NX declined: skipped
            + "+OK\r\n" // SET NX: written
            + ":0\r\n" // script declined: skipped
            + ":1\r\n" // script: written
            + "-ERR Error running script: @user_script:4: WRONGTYPE\r\n" // script: failed
            + "+OK\r\n+QUEUED\r\n+QUEUED\r\n*2\r\n:1\r\n:2\r\n" // MULTI DEL HSET EXEC: written
            + "+OK\r\n+QUEUED\r\n-OOM command not allowed when used memory > 'maxmemory'.\r\n"
            + "-EXECABORT Transaction discarded because of previous errors.\r\n" // queued error: failed, OOM named
            + "+OK\r\n+QUEUED\r\n+QUEUED\r\n*2\r\n$-1\r\n-WRONGTYPE inside\r\n" // nil is no skip in EXEC; error fails
            + ":0\r\n"; // HSET answering 0 (no new field): written

    private static WriteBatch batch() {
        WriteBatch batch = new WriteBatch(14, 2, 64);
        unit(batch, WriteReply.APPLIED, 0, "hset-ok", 1);
        unit(batch, WriteReply.APPLIED, 0, "hset-wrongtype", 2);
        unit(batch, WriteReply.NIL_SKIPS, 0, "setnx-declined", 1);
        unit(batch, WriteReply.NIL_SKIPS, 0, "setnx-ok", 1);
        unit(batch, WriteReply.ZERO_SKIPS, 0, "script-declined", 1);
        unit(batch, WriteReply.ZERO_SKIPS, 0, "script-ok", 1);
        unit(batch, WriteReply.ZERO_SKIPS, 0, "script-error", 1);
        unit(batch, WriteReply.TRANSACTION, 2, "multi-ok", 1);
        unit(batch, WriteReply.TRANSACTION, 2, "multi-oom", 1);
        unit(batch, WriteReply.TRANSACTION, 2, "multi-inner-error", 1);
        unit(batch, WriteReply.APPLIED, 0, "hset-zero", 1);
        batch.writtenWithoutCommand(1);
        batch.skippedWithoutCommand(1);
        return batch;
    }

    private static void unit(WriteBatch batch, WriteReply reply, int queued, String key, int rows) {
        byte[] bytes = ("pad" + key).getBytes(StandardCharsets.UTF_8);
        batch.unit(reply, queued, bytes, 3, bytes.length - 3, rows);
    }

    @Test
    void readsEveryKindOfUnitWholeAndSplitAtEveryByte() {
        byte[] all = REPLIES.getBytes(StandardCharsets.UTF_8);
        List<String> whole = read(all, new int[0]);
        assertThat(whole).containsExactly("rows 14 written 6 skipped 3 failed 5",
                "hset-wrongtype: WRONGTYPE Operation against a key holding the wrong kind of value",
                "script-error: ERR Error running script: @user_script:4: WRONGTYPE",
                "multi-oom: OOM command not allowed when used memory > 'maxmemory'.",
                "multi-inner-error: WRONGTYPE inside");
        for (int cut = 1; cut < all.length; cut++) {
            assertThat(read(all, new int[] { cut })).as("split at %d", cut).isEqualTo(whole);
        }
        int[] everyByte = new int[all.length - 1];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertThat(read(all, everyByte)).isEqualTo(whole);
    }

    private static List<String> read(byte[] all, int[] cuts) {
        WriteBatch batch = batch();
        try {
            UnitResults results = new UnitResults(batch);
            UnitReplies replies = new UnitReplies(batch, results);
            RespFeed.feed(all, cuts, replies);
            assertThat(replies.future()).isCompleted();
            WriteOutcome outcome = results.outcome();
            assertThat(outcome.written() + outcome.skipped() + outcome.failedRows()).isEqualTo(outcome.rows());
            List<String> lines = new ArrayList<>();
            lines.add("rows " + outcome.rows() + " written " + outcome.written() + " skipped " + outcome.skipped()
                    + " failed " + outcome.failedRows());
            for (WriteOutcome.Failure failure : outcome.failures()) {
                lines.add(new String(failure.key(), StandardCharsets.UTF_8) + ": " + failure.reason());
            }
            return lines;
        } finally {
            batch.release();
        }
    }

    @Test
    void unitsAreChecked() {
        WriteBatch batch = new WriteBatch(1, 1, 16);
        try {
            byte[] key = { 'k' };
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.unit(WriteReply.TRANSACTION, 0, key, 0, 1, 1))
                    .hasMessageContaining("transaction queues >= 1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.unit(WriteReply.APPLIED, 1, key, 0, 1, 1))
                    .hasMessageContaining("transaction queues >= 1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.unit(WriteReply.APPLIED, 0, key, 0, 1, 0))
                    .hasMessageContaining(">= 1 row");
            for (int i = 0; i < 100; i++) {
                batch.unit(WriteReply.APPLIED, 0, ("key" + i).getBytes(StandardCharsets.UTF_8), 0, 3 + String.valueOf(i).length(), 1);
            }
            assertThat(batch.units()).isEqualTo(100);
            assertThat(new String(batch.key(57), StandardCharsets.UTF_8)).isEqualTo("key57");
        } finally {
            batch.release();
        }
    }
}
