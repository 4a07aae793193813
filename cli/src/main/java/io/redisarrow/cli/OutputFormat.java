package io.redisarrow.cli;

import io.redisarrow.arrow.ArrowIpc;
import io.redisarrow.arrow.NdJson;
import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import reactor.core.publisher.Flux;

import java.nio.ByteBuffer;
import java.util.Locale;

/** The file formats of {@code export}: each turns batches into bytes, closing every batch once written. */
enum OutputFormat {

    /**
     * The Arrow IPC file format ({@code ArrowIpc.writeFile}): what {@code .arrow} files are, read
     * with Arrow's {@code ArrowFileReader}, {@code pyarrow.ipc.open_file} or DuckDB.
     */
    ARROW,

    /** The Arrow IPC streaming format ({@code ArrowIpc.write}); read it with Arrow's {@code ArrowStreamReader}. */
    ARROWS,

    /** CSV with a header row: {@link CsvEncoding}. */
    CSV,

    /** One JSON object per row and line ({@code NdJson.write}). */
    NDJSON;

    /**
     * @param schema the batches' schema
     * @param batches the batches
     * @return the bytes
     */
    Flux<ByteBuffer> encode(Schema schema, Flux<RecordBatch> batches) {
        return switch (this) {
            case ARROW -> ArrowIpc.writeFile(schema, batches);
            case ARROWS -> ArrowIpc.write(schema, batches);
            case CSV -> CsvEncoding.write(schema, batches);
            case NDJSON -> NdJson.write(batches);
        };
    }

    /**
     * @param file a file name
     * @return the format its extension names: {@code .csv}, {@code .ndjson} / {@code .jsonl},
     *         {@code .arrows} (the stream format), else the Arrow file format
     */
    static OutputFormat ofFile(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return NDJSON;
        }
        if (name.endsWith(".arrows")) {
            return ARROWS;
        }
        return ARROW;
    }
}
