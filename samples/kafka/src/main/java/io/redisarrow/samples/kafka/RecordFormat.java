package io.redisarrow.samples.kafka;

/** What one Kafka record carries. */
public enum RecordFormat {

    /**
     * One record per batch: the batch as a complete Arrow IPC stream (schema, the batch,
     * end-of-stream), as {@code io.redisarrow.arrow.ArrowIpc#toBytes} writes it. The record's key is
     * the Redis key of the batch's first row (null when the batch has no key column or no rows).
     */
    ARROW_IPC,

    /**
     * One record per row: the row as one JSON object (UTF-8, no newline), as
     * {@code io.redisarrow.arrow.NdJson#rows} writes it. The record's key is the row's Redis key
     * (null when the batch has no key column).
     */
    JSON_ROWS;

    /**
     * @param name {@code arrow} or {@code json} (any case), or a constant's name
     * @return the format
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static RecordFormat parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("format must be arrow or json, not null");
        }
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "arrow", "arrow_ipc" -> ARROW_IPC;
            case "json", "json_rows" -> JSON_ROWS;
            default -> throw new IllegalArgumentException("format must be arrow or json, not '" + name + "'");
        };
    }
}
