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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads recorded write replies into a batch's outcome: every unit of the batch in one round trip
 * (one connection), whole and split at every byte, each unit written, skipped or failed with its
 * first error; and the units in several round trips (one per master, some after ASKING), giving the
 * same outcome, with the failures in command order whatever order the round trips answer in, and a
 * unit's later answer replacing its earlier one.
 */
class UnitRepliesUnitTests {

    /** Each unit's replies, in command order. */
    private static final String[] REPLIES = { ":1\r\n",
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "$-1\r\n", "+OK\r\n", ":0\r\n",
            ":1\r\n", "-ERR Error running script: @user_script:4: WRONGTYPE\r\n",
            "+OK\r\n+QUEUED\r\n+QUEUED\r\n*2\r\n:1\r\n:2\r\n",
            "+OK\r\n+QUEUED\r\n-OOM command not allowed\r\n-EXECABORT Transaction discarded because of previous errors.\r\n",
            "+OK\r\n+QUEUED\r\n+QUEUED\r\n*2\r\n$-1\r\n-WRONGTYPE inside\r\n", ":0\r\n" };

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

    /** Adds a unit whose key starts at an offset of its array. */
    private static void unit(WriteBatch batch, WriteReply reply, int queued, String key, int rows) {
        byte[] bytes = ("pad" + key).getBytes(StandardCharsets.UTF_8);
        batch.unit(reply, queued, bytes, 3, bytes.length - 3, rows);
    }

    private static final List<String> EXPECTED = List.of("rows 14 written 6 skipped 3 failed 5",
            "hset-wrongtype: WRONGTYPE Operation against a key holding the wrong kind of value",
            "script-error: ERR Error running script: @user_script:4: WRONGTYPE",
            "multi-oom: OOM command not allowed",
            "multi-inner-error: WRONGTYPE inside");

    @Test
    void everyUnitInOneRoundTripIsReadWholeAndSplitAtEveryByte() {
        byte[] all = String.join("", REPLIES).getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(all, new int[0])).isEqualTo(EXPECTED);
        for (int cut = 1; cut < all.length; cut++) {
            assertThat(readAll(all, new int[] { cut })).as("split at %d", cut).isEqualTo(EXPECTED);
        }
        int[] everyByte = new int[all.length - 1];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertThat(readAll(all, everyByte)).isEqualTo(EXPECTED);
    }

    private static List<String> readAll(byte[] all, int[] cuts) {
        WriteBatch batch = batch();
        try {
            UnitResults results = new UnitResults(batch);
            UnitReplies replies = new UnitReplies(batch, results);
            RespFeed.feed(all, cuts, replies);
            assertThat(replies.future()).isCompleted();
            WriteOutcome outcome = results.outcome();
            assertThat(outcome.written() + outcome.skipped() + outcome.failedRows()).isEqualTo(outcome.rows());
            return lines(outcome);
        } finally {
            batch.release();
        }
    }

    @Test
    void unitsAreChecked() {
        WriteBatch batch = new WriteBatch(1, 1, 16);
        try {
            byte[] key = { 'k' };
            assertThatThrownBy(() -> batch.unit(WriteReply.TRANSACTION, 0, key, 0, 1, 1))
                    .hasMessageContaining("transaction queues >= 1");
            assertThatThrownBy(() -> batch.unit(WriteReply.APPLIED, 1, key, 0, 1, 1))
                    .hasMessageContaining("transaction queues >= 1");
            assertThatThrownBy(() -> batch.unit(WriteReply.APPLIED, 0, key, 0, 1, 0))
                    .hasMessageContaining(">= 1 row");
            for (int i = 0; i < 100; i++) {
                batch.unit(WriteReply.APPLIED, 0, ("key" + i).getBytes(StandardCharsets.UTF_8), 0,
                        3 + String.valueOf(i).length(), 1);
            }
            assertThat(batch.units()).isEqualTo(100);
            assertThat(new String(batch.key(57), StandardCharsets.UTF_8)).isEqualTo("key57");
        } finally {
            batch.release();
        }
    }

    @Test
    void unitsReadInGroupsGiveTheOutcomeOfTheWholeBatch() {
        WriteBatch batch = batch();
        try {
            UnitResults results = new UnitResults(batch);
            // the odd units answer first, after ASKING, split at every byte; then the even ones
            read(batch, results, new int[] { 1, 3, 5, 7, 9 }, true, true);
            read(batch, results, new int[] { 0, 2, 4, 6, 8, 10 }, false, false);
            assertThat(lines(results.outcome())).isEqualTo(EXPECTED);
        } finally {
            batch.release();
        }
    }

    @Test
    void aUnitAnsweredAgainTakesItsLatestAnswer() {
        WriteBatch batch = batch();
        try {
            UnitResults results = new UnitResults(batch);
            int[] all = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
            read(batch, results, all, false, false);
            results.failed(0, "MOVED 1 127.0.0.1:7000");
            results.failed(3, "ASK 1 127.0.0.1:7000");
            assertThat(results.error(0)).isEqualTo("MOVED 1 127.0.0.1:7000");
            assertThat(results.error(2)).isNull();
            assertThat(lines(results.outcome()).get(0)).isEqualTo("rows 14 written 4 skipped 3 failed 7");
            UnitReplies again = new UnitReplies(batch, new int[] { 0, 3 }, 2, true, results);
            RespFeed.feed("+OK\r\n:1\r\n+OK\r\n+OK\r\n".getBytes(StandardCharsets.UTF_8), new int[0], again);
            assertThat(again.future()).isCompleted();
            assertThat(lines(results.outcome())).isEqualTo(EXPECTED);
        } finally {
            batch.release();
        }
    }

    @Test
    void aUnitNeverAnsweredIsAFailure() {
        WriteBatch batch = batch();
        try {
            UnitResults results = new UnitResults(batch);
            read(batch, results, new int[] { 0, 2, 3, 4, 5, 7, 10 }, false, false);
            WriteOutcome outcome = results.outcome();
            assertThat(outcome.written() + outcome.skipped() + outcome.failedRows()).isEqualTo(outcome.rows());
            assertThat(outcome.failures()).extracting(f -> new String(f.key(), StandardCharsets.UTF_8))
                    .containsExactly("hset-wrongtype", "script-error", "multi-oom", "multi-inner-error");
            assertThat(outcome.failures()).allSatisfy(f -> assertThat(f.reason()).isEqualTo("no reply was read for this key"));
        } finally {
            batch.release();
        }
    }

    @Test
    void aRoundTripOfNoUnitIsRefused() {
        WriteBatch batch = batch();
        try {
            assertThatThrownBy(() -> new UnitReplies(batch, new int[] { 0 }, 0, false, new UnitResults(batch)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count must be >= 1; got 0");
        } finally {
            batch.release();
        }
    }

    private static void read(WriteBatch batch, UnitResults results, int[] units, boolean asking, boolean everyByte) {
        StringBuilder replies = new StringBuilder();
        for (int unit : units) {
            replies.append(asking ? "+OK\r\n" : "").append(REPLIES[unit]);
        }
        byte[] all = replies.toString().getBytes(StandardCharsets.UTF_8);
        int[] cuts = new int[everyByte ? all.length - 1 : 0];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        UnitReplies reader = new UnitReplies(batch, units, units.length, asking, results);
        RespFeed.feed(all, cuts, reader);
        assertThat(reader.future()).isCompleted();
    }

    private static List<String> lines(WriteOutcome outcome) {
        List<String> lines = new ArrayList<>();
        lines.add("rows " + outcome.rows() + " written " + outcome.written() + " skipped " + outcome.skipped()
                + " failed " + outcome.failedRows());
        for (WriteOutcome.Failure failure : outcome.failures()) {
            lines.add(new String(failure.key(), StandardCharsets.UTF_8) + ": " + failure.reason());
        }
        return lines;
    }
}
