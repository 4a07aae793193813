package io.redisarrow.samples.kafka;

import io.redisarrow.arrow.ArrowIpc;
import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BatchRecordsUnitTests {

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void leakNothing() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    @Test
    void arrowIsOneRecordPerBatchKeyedByTheFirstRowAndTheBatchIsClosed() {
        RecordBatch batch = batch(VarCharVector::new, "user:7", "user:3");
        List<ProducerRecord<byte[], byte[]>> records = BatchRecords.of(batch, RecordFormat.ARROW_IPC, "t", "_key");

        assertThat(batch.isClosed()).isTrue();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("t");
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("user:7");
            List<RecordBatch> back = ArrowIpc.read(Flux.just(ByteBuffer.wrap(record.value())), allocator)
                    .collectList().block();
            try (RecordBatch read = back.get(0)) {
                assertThat(read.rowCount()).isEqualTo(2);
                assertThat(read.root().getVector("age").getObject(1)).isEqualTo(31);
            }
        });
    }

    @Test
    void jsonIsOneRecordPerRowKeyedByItsRowAndTheBatchIsClosed() {
        RecordBatch batch = batch(VarCharVector::new, "user:7", "user:3");
        List<ProducerRecord<byte[], byte[]>> records = BatchRecords.of(batch, RecordFormat.JSON_ROWS, "t", "_key");

        assertThat(batch.isClosed()).isTrue();
        assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("user:7", "user:3");
        assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("{\"_key\":\"user:7\",\"age\":30}", "{\"_key\":\"user:3\",\"age\":31}");
    }

    @Test
    void binaryKeysAreTheKeysBytes() {
        RecordBatch batch = batch(VarBinaryVector::new, "user:7", "user:3");
        List<ProducerRecord<byte[], byte[]>> records = BatchRecords.of(batch, RecordFormat.JSON_ROWS, "t", "_key");

        assertThat(records).extracting(ProducerRecord::key)
                .containsExactly("user:7".getBytes(StandardCharsets.UTF_8), "user:3".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheKeyColumnRecordsHaveNoKey() {
        List<ProducerRecord<byte[], byte[]>> arrow = BatchRecords.of(batch(VarCharVector::new, "a"),
                RecordFormat.ARROW_IPC, "t", "id");
        List<ProducerRecord<byte[], byte[]>> json = BatchRecords.of(batch(VarCharVector::new, "a"),
                RecordFormat.JSON_ROWS, "t", "id");

        assertThat(arrow).extracting(ProducerRecord::key).containsOnlyNulls();
        assertThat(json).extracting(ProducerRecord::key).containsOnlyNulls();
    }

    @Test
    void aKeyColumnOfAnotherTypeIsRefusedByNameAndTheBatchStillClosed() {
        RecordBatch batch = batch(VarCharVector::new, "a");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BatchRecords.of(batch, RecordFormat.JSON_ROWS, "t", "age"))
                .withMessage("keyColumn 'age' must be Utf8 or Binary, not Int(32, true)");
        assertThat(batch.isClosed()).isTrue();
    }

    private interface KeyVector<V> {
        V create(String name, RootAllocator allocator);
    }

    private <V extends org.apache.arrow.vector.BaseVariableWidthVector> RecordBatch batch(KeyVector<V> keyVector,
            String... keys) {
        V key = keyVector.create("_key", allocator);
        IntVector age = new IntVector("age", allocator);
        key.allocateNew(keys.length);
        age.allocateNew(keys.length);
        for (int i = 0; i < keys.length; i++) {
            key.setSafe(i, keys[i].getBytes(StandardCharsets.UTF_8));
            age.setSafe(i, 30 + i);
        }
        VectorSchemaRoot root = VectorSchemaRoot.of(key, age);
        root.setRowCount(keys.length);
        return RecordBatch.of(root);
    }
}
