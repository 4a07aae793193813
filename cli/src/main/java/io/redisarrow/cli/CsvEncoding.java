package io.redisarrow.cli;

import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV (RFC 4180, written and read by Apache Commons CSV): a header row of column names, then one
 * record per row, lines ending in CRLF. Text cells are always quoted (quotes doubled inside), numbers
 * never, and a null is an empty unquoted cell, so an empty string ({@code ""}) and a null stay
 * apart. Cell texts: {@link CellText}.
 */
final class CsvEncoding {

    /** The format written, and read back by {@link CsvBatches}. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setQuoteMode(QuoteMode.NON_NUMERIC)
            .setNullString("")
            .get();

    private CsvEncoding() {
    }

    /**
     * @param schema the batches' schema: the header, written also when no batch comes
     * @param batches the batches, each closed once written
     * @return the header, then one buffer per batch
     */
    static Flux<ByteBuffer> write(Schema schema, Flux<RecordBatch> batches) {
        Mono<ByteBuffer> header = Mono.fromCallable(() -> {
            StringBuilder text = new StringBuilder();
            try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
                printer.printRecord(schema.getFields().stream().map(Field::getName).toList());
            }
            return ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        });
        return header.concatWith(batches.map(CsvEncoding::rows));
    }

    /**
     * @param batch a batch, closed here
     * @return its rows as CSV records
     */
    static ByteBuffer rows(RecordBatch batch) {
        try (batch) {
            VectorSchemaRoot root = batch.root();
            List<FieldVector> vectors = root.getFieldVectors();
            StringBuilder text = new StringBuilder(root.getRowCount() * 32);
            Object[] cells = new Object[vectors.size()];
            try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
                for (int row = 0; row < root.getRowCount(); row++) {
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = CellText.read(vectors.get(c), row);
                    }
                    printer.printRecord(cells);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
