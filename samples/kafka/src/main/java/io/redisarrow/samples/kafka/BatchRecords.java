package io.redisarrow.samples.kafka;

import io.redisarrow.arrow.ArrowIpc;
import io.redisarrow.arrow.NdJson;
import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.List;

/** Turns one batch into the Kafka records of a {@link RecordFormat}, closing the batch. */
final class BatchRecords {

    private BatchRecords() {
    }

    /**
     * @param batch the batch; closed when this returns or throws
     * @param format what a record carries
     * @param topic the records' topic
     * @param keyColumn the column holding the Redis keys
     * @return the records, in row order
     */
    static List<ProducerRecord<byte[], byte[]>> of(RecordBatch batch, RecordFormat format, String topic,
            String keyColumn) {
        try (batch) {
            FieldVector keys = batch.root().getVector(keyColumn);
            if (format == RecordFormat.ARROW_IPC) {
                byte[] key = batch.rowCount() > 0 ? key(keys, 0) : null;
                // toBytes closes the batch as well; closing twice is harmless
                return List.of(new ProducerRecord<>(topic, key, ArrowIpc.toBytes(batch)));
            }
            List<byte[]> rows = NdJson.rows(batch);
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(rows.size());
            for (int row = 0; row < rows.size(); row++) {
                records.add(new ProducerRecord<>(topic, key(keys, row), rows.get(row)));
            }
            return records;
        }
    }

    /** @return the key's bytes (UTF-8 for a Utf8 column), or null without a key column or value */
    private static byte[] key(FieldVector keys, int row) {
        if (keys == null || keys.isNull(row)) {
            return null;
        }
        if (keys instanceof VarCharVector text) {
            return text.get(row);
        }
        if (keys instanceof VarBinaryVector binary) {
            return binary.get(row);
        }
        throw new IllegalArgumentException("keyColumn '" + keys.getName()
                + "' must be Utf8 or Binary, not " + keys.getField().getType());
    }
}
