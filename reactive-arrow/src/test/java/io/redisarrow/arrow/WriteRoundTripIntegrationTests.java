package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.encode.EncodersRoundTripUnitTests;
import io.redisarrow.arrow.internal.encode.EncodersRoundTripUnitTests.Column;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write contract, as a property over random batches against a real server: writing a batch
 * of every supported type (extremes, nulls, unicode, empty strings, binary) and scanning it back
 * with the same schema gives an equal batch.
 */
class WriteRoundTripIntegrationTests extends ScanTestSupport {

    static final int ROWS = 300;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3, 0 })
    void writtenBatchesScanBackEqual(long seedOrZeroForThisRun) {
        long seed = seedOrZeroForThisRun == 0 ? EncodersRoundTripUnitTests.RUN_SEED : seedOrZeroForThisRun;
        Random random = new Random(seed);
        List<Column> columns = EncodersRoundTripUnitTests.columns();
        List<Field> fields = new ArrayList<>();
        fields.add(Field.nullable("_key", ArrowType.Utf8.INSTANCE));
        fields.add(Field.notNullable("present", ArrowType.Utf8.INSTANCE));
        for (int c = 0; c < columns.size(); c++) {
            fields.add(new Field("c" + c, FieldType.nullable(columns.get(c).type()), null));
        }
        Schema schema = new Schema(fields);
        List<Object[]> rows = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            Object[] values = new Object[fields.size()];
            values[0] = prefix + row;
            values[1] = random.nextInt(5) == 0 ? "" : "row " + row;
            for (int c = 0; c < columns.size(); c++) {
                values[c + 2] = random.nextInt(6) == 0 ? null : columns.get(c).values().apply(random);
            }
            rows.add(values);
        }
        Map<String, List<Object>> expected = new TreeMap<>();
        try (RecordBatch written = TestBatches.of(allocator, schema, rows)) {
            expected.putAll(comparableRows(written));
        }
        List<WriteResult> results = redis.writeHashes(Flux.just(TestBatches.of(allocator, schema, rows)),
                HashWrite.builder().mode(WriteMode.REPLACE).parallel(2).build()).collectList().block();
        assertThat(results).singleElement().satisfies(r -> assertThat(r.written()).isEqualTo(ROWS));
        Map<String, List<Object>> read = new TreeMap<>();
        redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(new Schema(fields.subList(1, fields.size())))
                .build()).doOnNext(batch -> {
                    try (batch) {
                        read.putAll(comparableRows(batch));
                    }
                }).blockLast();
        assertThat(read.keySet()).as("seed %d", seed).isEqualTo(expected.keySet());
        for (String key : expected.keySet()) {
            assertThat(read.get(key)).as("seed %d, key %s (columns %s)", seed, key, fields).isEqualTo(expected.get(key));
        }
    }

    /** Key → the row's cells as comparable values (floats by their bits), key column first. */
    static Map<String, List<Object>> comparableRows(RecordBatch batch) {
        Map<String, List<Object>> rows = new TreeMap<>();
        List<FieldVector> vectors = batch.root().getFieldVectors();
        for (int row = 0; row < batch.rowCount(); row++) {
            List<Object> cells = new ArrayList<>();
            for (FieldVector vector : vectors.subList(1, vectors.size())) {
                Object cell = EncodersRoundTripUnitTests.comparable(vector, row);
                cells.add(cell instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
                        : cell == null ? null : cell.toString());
            }
            rows.put(vectors.get(0).getObject(row).toString(), cells);
        }
        return rows;
    }
}
