package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Set writes against a real server: rows grouped per key, every mode on keys that exist (sets and
 * other types) and keys that do not, TTLs, null and binary members, a key with very many rows.
 */
class SetWriteIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("m", ArrowType.Utf8.INSTANCE),
            Field.nullable("ttl", new ArrowType.Int(32, true))));

    RecordBatch batch(Object[]... rows) {
        return TestBatches.of(allocator, SCHEMA, rows);
    }

    SetWrite.Builder write() {
        return SetWrite.builder().memberColumn("m");
    }

    List<WriteResult> write(SetWrite write, RecordBatch... batches) {
        return redis.writeSets(Flux.just(batches), write).collectList().block();
    }

    WriteResult writeOne(SetWrite write, RecordBatch batch) {
        List<WriteResult> results = write(write, batch);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    static Set<String> members(String key) {
        Set<String> out = new TreeSet<>();
        commands().smembers(bytes(key)).forEach(m -> out.add(new String(m, StandardCharsets.UTF_8)));
        return out;
    }

    static void sadd(String key, String... members) {
        byte[][] values = new byte[members.length][];
        for (int i = 0; i < members.length; i++) {
            values[i] = bytes(members[i]);
        }
        commands().sadd(bytes(key), values);
    }

    static long pttl(String key) {
        return commands().pttl(bytes(key));
    }

    @Test
    void mergeAddsEachKeysRowsToItsSet() {
        sadd(prefix + "a", "old");
        WriteResult result = writeOne(write().build(), batch(
                new Object[] { prefix + "a", "x", null },
                new Object[] { prefix + "b", "y", null },
                new Object[] { prefix + "a", "z", null },
                new Object[] { prefix + "b", "y", null }));
        assertThat(result.rows()).isEqualTo(4);
        assertThat(result.written()).isEqualTo(4);
        assertThat(members(prefix + "a")).containsExactly("old", "x", "z");
        assertThat(members(prefix + "b")).containsExactly("y");
        assertThat(pttl(prefix + "a")).isEqualTo(-1);
    }

    @Test
    void mergeKeepsTheTtlUnlessTheWriteSetsOne() {
        sadd(prefix + "a", "old");
        commands().expire(bytes(prefix + "a"), 1000);
        sadd(prefix + "b", "old");
        commands().expire(bytes(prefix + "b"), 1000);
        writeOne(write().build(), batch(new Object[] { prefix + "a", "x", null }));
        assertThat(pttl(prefix + "a")).isBetween(990_000L, 1_000_000L);
        writeOne(write().ttl(Duration.ofSeconds(20)).build(), batch(new Object[] { prefix + "a", "y", null }));
        assertThat(pttl(prefix + "a")).isBetween(15_000L, 20_000L);
        assertThat(members(prefix + "a")).containsExactly("old", "x", "y");
        // a key takes its last row's TTL; a null TTL cell removes the TTL
        writeOne(write().ttlColumn("ttl").build(), batch(
                new Object[] { prefix + "c", "1", 500 },
                new Object[] { prefix + "b", "1", 40 },
                new Object[] { prefix + "c", "2", 300 },
                new Object[] { prefix + "b", "2", null }));
        assertThat(pttl(prefix + "c")).isBetween(295_000L, 300_000L);
        assertThat(pttl(prefix + "b")).isEqualTo(-1);
        assertThat(members(prefix + "b")).containsExactly("1", "2", "old");
    }

    @Test
    void theTtlOfAKeyIsItsLastRowWithAMember() {
        writeOne(write().ttlColumn("ttl").build(), batch(
                new Object[] { prefix + "a", "1", 100 },
                new Object[] { prefix + "a", null, 900 }));
        assertThat(pttl(prefix + "a")).isBetween(95_000L, 100_000L);
    }

    @Test
    void replaceLeavesExactlyTheBatchsMembersOfAnyFormerType() {
        sadd(prefix + "a", "old", "x");
        commands().expire(bytes(prefix + "a"), 1000);
        commands().set(bytes(prefix + "s"), bytes("string"));
        WriteResult result = writeOne(write().mode(WriteMode.REPLACE).build(), batch(
                new Object[] { prefix + "a", "x", null },
                new Object[] { prefix + "s", "p", null },
                new Object[] { prefix + "a", "y", null },
                new Object[] { prefix + "n", "q", null }));
        assertThat(result.written()).isEqualTo(4);
        assertThat(members(prefix + "a")).containsExactly("x", "y");
        assertThat(pttl(prefix + "a")).isEqualTo(-1);
        assertThat(members(prefix + "s")).containsExactly("p");
        assertThat(members(prefix + "n")).containsExactly("q");
        writeOne(write().mode(WriteMode.REPLACE).ttl(Duration.ofMillis(65_432)).build(),
                batch(new Object[] { prefix + "a", "z", null }));
        assertThat(members(prefix + "a")).containsExactly("z");
        assertThat(pttl(prefix + "a")).isBetween(60_000L, 65_432L);
    }

    @Test
    void replaceAcrossBatchesKeepsOnlyTheLastBatchsRowsOfAKey() {
        List<WriteResult> results = write(write().mode(WriteMode.REPLACE).parallel(8).build(),
                batch(new Object[] { prefix + "a", "1", null }, new Object[] { prefix + "a", "2", null }),
                batch(new Object[] { prefix + "a", "3", null }));
        assertThat(results).hasSize(2);
        assertThat(members(prefix + "a")).containsExactly("3");
    }

    @Test
    void skipExistingWritesOnlyAbsentKeysAndCountsEveryRowOfASkippedKey() {
        sadd(prefix + "a", "old");
        commands().set(bytes(prefix + "s"), bytes("string"));
        WriteResult result = writeOne(write().mode(WriteMode.SKIP_EXISTING).ttl(Duration.ofSeconds(30)).build(),
                batch(new Object[] { prefix + "a", "x", null },
                        new Object[] { prefix + "n", "1", null },
                        new Object[] { prefix + "a", "y", null },
                        new Object[] { prefix + "s", "z", null },
                        new Object[] { prefix + "n", "2", null }));
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(3);
        assertThat(members(prefix + "a")).containsExactly("old");
        assertThat(pttl(prefix + "a")).isEqualTo(-1);
        assertThat(commands().get(bytes(prefix + "s"))).isEqualTo(bytes("string"));
        assertThat(members(prefix + "n")).containsExactly("1", "2");
        assertThat(pttl(prefix + "n")).isBetween(25_000L, 30_000L);
    }

    @Test
    void aWrongTypeKeyFailsWithAllItsRowsAndTheOthersAreWritten() {
        commands().set(bytes(prefix + "s"), bytes("string"));
        for (SetWrite write : List.of(write().onWriteError(WriteErrorPolicy.REPORT).build(),
                write().onWriteError(WriteErrorPolicy.REPORT).ttl(Duration.ofSeconds(60)).build())) {
            WriteResult result = writeOne(write, batch(
                    new Object[] { prefix + "a", "1", null },
                    new Object[] { prefix + "s", "x", null },
                    new Object[] { prefix + "b", "2", null },
                    new Object[] { prefix + "s", "y", null }));
            assertThat(result.written()).isEqualTo(2);
            assertThat(result.failed()).isEqualTo(2);
            assertThat(result.failures()).singleElement().satisfies(f -> {
                assertThat(f.key()).isEqualTo(prefix + "s");
                assertThat(f.reason()).contains("WRONGTYPE");
            });
            assertThat(members(prefix + "a")).containsExactly("1");
            assertThat(members(prefix + "b")).containsExactly("2");
            assertThat(pttl(prefix + "s")).as("no TTL on the refused key").isEqualTo(-1);
        }
        assertThatThrownBy(() -> writeOne(write().build(), batch(new Object[] { prefix + "s", "x", null })))
                .isInstanceOf(WriteFailedException.class).hasMessageContaining(prefix + "s");
    }

    @Test
    void nullMembersAreSkippedAndAKeyWithNoneLeftIsNotTouched() {
        sadd(prefix + "kept", "old");
        for (WriteMode mode : WriteMode.values()) {
            WriteResult result = writeOne(write().mode(mode).build(), batch(
                    new Object[] { prefix + "a-" + mode, "1", null },
                    new Object[] { prefix + "a-" + mode, null, null },
                    new Object[] { prefix + "none-" + mode, null, null },
                    new Object[] { prefix + "kept", null, null }));
            assertThat(result.written()).as(mode.name()).isEqualTo(1);
            assertThat(result.skipped()).as(mode.name()).isEqualTo(3);
            assertThat(members(prefix + "a-" + mode)).containsExactly("1");
            assertThat(commands().exists(bytes(prefix + "none-" + mode))).isZero();
            assertThat(members(prefix + "kept")).containsExactly("old");
        }
    }

    @Test
    void binaryAndUnicodeMembersRoundTrip() {
        Schema schema = new Schema(List.of(
                Field.nullable("_key", ArrowType.Utf8.INSTANCE),
                Field.nullable("m", ArrowType.Binary.INSTANCE)));
        byte[] binary = { 0, (byte) 0xff, '\r', '\n', '*' };
        String unicode = "🙂-ключ-値";
        writeOne(write().build(), TestBatches.of(allocator, schema,
                new Object[] { prefix + "a", binary },
                new Object[] { prefix + "a", bytes(unicode) },
                new Object[] { prefix + "a", new byte[0] }));
        Set<List<Byte>> stored = new HashSet<>();
        commands().smembers(bytes(prefix + "a")).forEach(m -> stored.add(boxed(m)));
        assertThat(stored).containsExactlyInAnyOrder(boxed(binary), boxed(bytes(unicode)), boxed(new byte[0]));
    }

    static List<Byte> boxed(byte[] bytes) {
        List<Byte> out = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            out.add(b);
        }
        return out;
    }

    @Test
    void aKeyWithAHundredThousandRowsInOneBatch() {
        int rows = 100_000;
        List<Object[]> data = new ArrayList<>(rows + 1);
        for (int i = 0; i < rows; i++) {
            data.add(new Object[] { prefix + "big", "member-" + i, 120 });
        }
        data.add(new Object[] { prefix + "small", "x", 120 });
        for (SetWrite write : List.of(write().ttlColumn("ttl").build(), write().mode(WriteMode.REPLACE).build(),
                write().mode(WriteMode.SKIP_EXISTING).build())) {
            commands().del(bytes(prefix + "big"), bytes(prefix + "small"));
            WriteResult result = writeOne(write, TestBatches.of(allocator, SCHEMA, data));
            assertThat(result.written()).as(write.mode().name()).isEqualTo(rows + 1);
            assertThat(commands().scard(bytes(prefix + "big"))).isEqualTo(rows);
            assertThat(commands().sismember(bytes(prefix + "big"), bytes("member-" + (rows - 1)))).isTrue();
            assertThat(members(prefix + "small")).containsExactly("x");
            if (write.ttlColumn() != null) {
                assertThat(pttl(prefix + "big")).isBetween(110_000L, 120_000L);
            }
        }
        assertThat(pttl(prefix + "big")).isEqualTo(-1);
    }

    @Test
    void badInputFailsBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> SetWrite.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("memberColumn");
        assertThatThrownBy(() -> writeOne(SetWrite.builder().memberColumn("nope").build(),
                batch(new Object[] { prefix + "a", "x", null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memberColumn 'nope'");
        assertThatThrownBy(() -> writeOne(write().build(), batch(
                new Object[] { prefix + "a", "x", null },
                new Object[] { null, null, null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> writeOne(write().ttlColumn("ttl").build(), batch(
                new Object[] { prefix + "a", "x", null },
                new Object[] { prefix + "a", null, -5 })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThat(commands().exists(bytes(prefix + "a"))).isZero();
    }
}
