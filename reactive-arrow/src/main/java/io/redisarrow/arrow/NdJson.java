package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.encode.JsonEncoders;
import io.redisarrow.arrow.internal.encode.JsonObjectEncoder;
import io.redisarrow.arrow.internal.encode.Text;
import org.apache.arrow.vector.FieldVector;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Record batches as newline-delimited JSON (<a href="https://github.com/ndjson/ndjson-spec">NDJSON</a>),
 * one object per row, for clients without Arrow. Every column is a member, in column order:
 *
 * <table>
 *   <caption>Arrow type → JSON</caption>
 *   <tr><th>Arrow type</th><th>JSON</th></tr>
 *   <tr><td>null cell</td><td>{@code null}</td></tr>
 *   <tr><td>Int8 to Int64, Decimal of precision up to 15, finite Float32/Float64</td><td>a number
 *       ({@code 42}, {@code 123.45}, {@code 0.1}, {@code 1.0E23})</td></tr>
 *   <tr><td>Decimal of precision above 15</td><td>a string of its digits, since many JSON readers
 *       hold numbers as doubles</td></tr>
 *   <tr><td>NaN, infinities</td><td>the strings {@code "nan"}, {@code "inf"}, {@code "-inf"}</td></tr>
 *   <tr><td>Bool</td><td>{@code true}, {@code false}</td></tr>
 *   <tr><td>Date, Timestamp</td><td>an ISO-8601 string: {@code "2024-01-02"},
 *       {@code "2024-01-01T10:00:00.120Z"}</td></tr>
 *   <tr><td>Utf8</td><td>a string, escaped as JSON requires (quotes, backslashes, control
 *       characters)</td></tr>
 *   <tr><td>Binary</td><td>a base64 string (standard alphabet, padded)</td></tr>
 *   <tr><td>Struct, List, Map&lt;Utf8, T&gt;</td><td>an object (null children left out), an array,
 *       an object</td></tr>
 * </table>
 */
public final class NdJson {

    /** The media type of newline-delimited JSON. */
    public static final String MEDIA_TYPE = "application/x-ndjson";

    private NdJson() {
    }

    /**
     * Writes every row of every batch as one JSON object and a {@code \n}.
     *
     * <p><b>Ownership:</b> one heap {@link ByteBuffer} per batch, owned by the subscriber; each batch
     * is closed as soon as it is written, and on cancel or error the batches still held are closed.
     *
     * @param batches the batches
     * @return the lines, one buffer per batch
     * @throws UnsupportedArrowTypeException (in the stream) for a column type with no JSON form
     */
    public static Flux<ByteBuffer> write(Publisher<RecordBatch> batches) {
        Objects.requireNonNull(batches, "batches must not be null");
        return Flux.from(batches).map(batch -> {
            try (batch) {
                JsonObjectEncoder rows = encoder(batch);
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * Math.max(1, batch.rowCount()));
                for (int row = 0; row < batch.rowCount(); row++) {
                    Text text = rows.text(row);
                    out.write(text.bytes(), text.offset(), text.length());
                    out.write('\n');
                }
                return ByteBuffer.wrap(out.toByteArray());
            }
        }).doOnDiscard(RecordBatch.class, RecordBatch::close);
    }

    /**
     * The rows of one batch as JSON objects, for transports that carry one message per row.
     *
     * @param batch the batch, left open
     * @return one UTF-8 JSON object per row, without a newline
     */
    public static List<byte[]> rows(RecordBatch batch) {
        Objects.requireNonNull(batch, "batch must not be null");
        JsonObjectEncoder rows = encoder(batch);
        List<byte[]> out = new ArrayList<>(batch.rowCount());
        for (int row = 0; row < batch.rowCount(); row++) {
            Text text = rows.text(row);
            out.add(Arrays.copyOfRange(text.bytes(), text.offset(), text.offset() + text.length()));
        }
        return out;
    }

    private static JsonObjectEncoder encoder(RecordBatch batch) {
        List<FieldVector> columns = batch.root().getFieldVectors();
        List<String> names = new ArrayList<>(columns.size());
        for (FieldVector column : columns) {
            names.add(column.getName());
        }
        return JsonEncoders.rows(columns, names);
    }
}
