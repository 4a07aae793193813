package io.redisarrow.samples.kafka;

/**
 * One batch of a scan, every record of which Kafka has acknowledged.
 *
 * @param batch the batch's number in the scan, from 0
 * @param rows the batch's rows
 * @param records the records sent for it: 1 for {@link RecordFormat#ARROW_IPC}, {@code rows} for
 *        {@link RecordFormat#JSON_ROWS}
 * @param bytes the records' value bytes
 */
public record PublishedBatch(long batch, int rows, int records, long bytes) {
}
