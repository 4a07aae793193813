package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * List writes against a real server: elements in row order per key, every mode on keys that exist
 * (lists and other types) and keys that do not, TTLs, duplicates, null, binary and unicode
 * elements, a key with very many rows.
 */
class ListWriteIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("e", ArrowType.Utf8.INSTANCE),
            Field.nullable("ttl", new ArrowType.Int(64, true))));

    RecordBatch batch(Object[]... rows) {
        return TestBatches.of(allocator, SCHEMA, rows);
    }

    ListWrite.Builder write() {
        return ListWrite.builder().elementColumn("e");
    }

    WriteResult write(ListWrite write, RecordBatch batch) {
        List<WriteResult> results = redis.writeLists(Flux.just(batch), write).collectList().block();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    static List<String> range(String key) {
        List<String> out = new ArrayList<>();
        commands().lrange(bytes(key), 0, -1).forEach(e -> out.add(new String(e, StandardCharsets.UTF_8)));
        return out;
    }

    static void rpush(String key, String... elements) {
        byte[][] values = new byte[elements.length][];
        for (int i = 0; i < elements.length; i++) {
            values[i] = bytes(elements[i]);
        }
        commands().rpush(bytes(key), values);
    }

    static long pttl(String key) {
        return commands().pttl(bytes(key));
    }

    @Test
    void mergeAppendsEachKeysRowsInRowOrderKeepingDuplicates() {
        rpush(prefix + "a", "old");
        WriteResult result = write(write().build(), batch(
                new Object[] { prefix + "b", "1", null },
                new Object[] { prefix + "a", "x", null },
                new Object[] { prefix + "b", "2", null },
                new Object[] { prefix + "a", "x", null },
                new Object[] { prefix + "b", "1", null },
                new Object[] { prefix + "a", "y", null }));
        assertThat(result.written()).isEqualTo(6);
        assertThat(range(prefix + "a")).containsExactly("old", "x", "x", "y");
        assertThat(range(prefix + "b")).containsExactly("1", "2", "1");
    }

    @Test
    void batchesAppendInInputOrderWithManyInFlight() {
        List<RecordBatch> batches = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            batches.add(batch(new Object[] { prefix + "a", b + "-0", null },
                    new Object[] { prefix + "a", b + "-1", null }));
            expected.add(b + "-0");
            expected.add(b + "-1");
        }
        List<WriteResult> results = redis.writeLists(Flux.fromIterable(batches), write().parallel(16).build())
                .collectList().block();
        assertThat(results).hasSize(200).allSatisfy(r -> assertThat(r.written()).isEqualTo(2));
        assertThat(range(prefix + "a")).isEqualTo(expected);
    }

    @Test
    void mergeTtls() {
        rpush(prefix + "a", "old");
        commands().expire(bytes(prefix + "a"), 1000);
        write(write().build(), batch(new Object[] { prefix + "a", "x", null }));
        assertThat(pttl(prefix + "a")).isBetween(990_000L, 1_000_000L);
        write(write().ttlColumn("ttl").build(), batch(
                new Object[] { prefix + "a", "y", 10L },
                new Object[] { prefix + "b", "1", null },
                new Object[] { prefix + "a", "z", 44L }));
        assertThat(pttl(prefix + "a")).isBetween(40_000L, 44_000L);
        assertThat(pttl(prefix + "b")).isEqualTo(-1);
        assertThat(range(prefix + "a")).containsExactly("old", "x", "y", "z");
        write(write().ttlColumn("ttl").build(), batch(new Object[] { prefix + "a", "w", null }));
        assertThat(pttl(prefix + "a")).isEqualTo(-1);
    }

    @Test
    void replaceLeavesExactlyTheBatchsElementsInOrder() {
        rpush(prefix + "a", "old", "older");
        commands().expire(bytes(prefix + "a"), 1000);
        hset(prefix + "h", java.util.Map.of("f", "v"));
        write(write().mode(WriteMode.REPLACE).build(), batch(
                new Object[] { prefix + "a", "3", null },
                new Object[] { prefix + "h", "x", null },
                new Object[] { prefix + "a", "1", null },
                new Object[] { prefix + "a", "2", null },
                new Object[] { prefix + "new", "n", null }));
        assertThat(range(prefix + "a")).containsExactly("3", "1", "2");
        assertThat(range(prefix + "new")).containsExactly("n");
        assertThat(pttl(prefix + "a")).isEqualTo(-1);
        assertThat(range(prefix + "h")).containsExactly("x");
        write(write().mode(WriteMode.REPLACE).ttl(Duration.ofSeconds(70)).build(),
                batch(new Object[] { prefix + "a", "only", null }));
        assertThat(range(prefix + "a")).containsExactly("only");
        assertThat(pttl(prefix + "a")).isBetween(65_000L, 70_000L);
    }

    @Test
    void skipExistingWritesOnlyAbsentKeys() {
        rpush(prefix + "a", "old");
        WriteResult result = write(write().mode(WriteMode.SKIP_EXISTING).ttlColumn("ttl").build(), batch(
                new Object[] { prefix + "a", "x", 30L },
                new Object[] { prefix + "n", "1", 30L },
                new Object[] { prefix + "n", "2", 30L },
                new Object[] { prefix + "p", "1", null }));
        assertThat(result.written()).isEqualTo(3);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(range(prefix + "a")).containsExactly("old");
        assertThat(range(prefix + "n")).containsExactly("1", "2");
        assertThat(pttl(prefix + "n")).isBetween(25_000L, 30_000L);
        assertThat(range(prefix + "p")).containsExactly("1");
        assertThat(pttl(prefix + "p")).isEqualTo(-1);
    }

    @Test
    void aWrongTypeKeyFailsAloneUnderEveryMode() {
        for (WriteMode mode : List.of(WriteMode.MERGE, WriteMode.SKIP_EXISTING)) {
            commands().del(bytes(prefix + "a"));
            commands().sadd(bytes(prefix + "s"), bytes("m"));
            WriteResult result = write(write().mode(mode).onWriteError(WriteErrorPolicy.REPORT).build(), batch(
                    new Object[] { prefix + "s", "x", null },
                    new Object[] { prefix + "a", "1", null },
                    new Object[] { prefix + "s", "y", null }));
            assertThat(result.written()).as(mode.name()).isEqualTo(1);
            if (mode == WriteMode.MERGE) {
                assertThat(result.failed()).isEqualTo(2);
                assertThat(result.failures()).singleElement().satisfies(f -> {
                    assertThat(f.key()).isEqualTo(prefix + "s");
                    assertThat(f.reason()).contains("WRONGTYPE");
                });
            } else {
                assertThat(result.skipped()).isEqualTo(2);
            }
            assertThat(range(prefix + "a")).containsExactly("1");
        }
    }

    @Test
    void nullElementsAreSkippedAndBinaryAndUnicodeOnesRoundTrip() {
        Schema schema = new Schema(List.of(
                Field.nullable("_key", ArrowType.Utf8.INSTANCE),
                Field.nullable("e", ArrowType.Binary.INSTANCE)));
        byte[] binary = { (byte) 0xc3, 0, '\n', (byte) 0xff };
        String unicode = "値-🙂";
        WriteResult result = write(write().build(), TestBatches.of(allocator, schema,
                new Object[] { prefix + "a", binary },
                new Object[] { prefix + "a", null },
                new Object[] { prefix + "a", bytes(unicode) }));
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(1);
        List<byte[]> stored = commands().lrange(bytes(prefix + "a"), 0, -1);
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0)).isEqualTo(binary);
        assertThat(new String(stored.get(1), StandardCharsets.UTF_8)).isEqualTo(unicode);
    }

    @Test
    void aKeyWithAHundredThousandRowsKeepsItsOrder() {
        int rows = 100_000;
        List<Object[]> data = new ArrayList<>(rows);
        List<String> expected = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String element = Integer.toString(rows - i);
            data.add(new Object[] { prefix + "big", element, 300L });
            expected.add(element);
        }
        for (ListWrite write : List.of(write().mode(WriteMode.SKIP_EXISTING).ttlColumn("ttl").build(),
                write().mode(WriteMode.REPLACE).build(), write().ttlColumn("ttl").build())) {
            WriteResult result = write(write, TestBatches.of(allocator, SCHEMA, data));
            assertThat(result.written()).as(write.mode().name()).isEqualTo(rows);
            List<String> stored = range(prefix + "big");
            if (write.mode() == WriteMode.MERGE) {
                assertThat(stored.subList(0, rows)).isEqualTo(expected);
                assertThat(stored.subList(rows, 2 * rows)).isEqualTo(expected);
            } else {
                assertThat(stored).isEqualTo(expected);
            }
            if (write.ttlColumn() != null) {
                assertThat(pttl(prefix + "big")).isBetween(290_000L, 300_000L);
            }
        }
    }

    @Test
    void badInputFailsBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> ListWrite.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("elementColumn");
        assertThatThrownBy(() -> write(ListWrite.builder().elementColumn("nope").build(),
                batch(new Object[] { prefix + "a", "x", null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("elementColumn 'nope'");
        assertThatThrownBy(() -> write(write().keyTemplate(prefix + "l:{ttl}").build(), batch(
                new Object[] { prefix + "a", "x", 1L },
                new Object[] { prefix + "a", "y", null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThat(commands().exists(bytes(prefix + "a"), bytes(prefix + "l:1"))).isZero();
    }
}
