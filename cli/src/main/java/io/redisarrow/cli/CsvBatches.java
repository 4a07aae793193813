package io.redisarrow.cli;

import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import java.util.concurrent.Callable;

/**
 * Reads CSV with a header row (the form {@link CsvEncoding} writes) into record batches. The header
 * names the columns; {@code --schema} types those it names and every other column is Utf8. An
 * empty unquoted cell is null, {@code ""} an empty string.
 */
final class CsvBatches {

    private CsvBatches() {
    }

    /**
     * @param input opens the CSV text; closed when the batches end or are cancelled
     * @param name the input's name, for error messages
     * @param types the columns' types, by name; {@code null} for all Utf8
     * @param batchSize rows per batch
     * @param allocator where the batches' vectors come from
     * @return the batches; the subscriber owns each
     * @throws IllegalArgumentException (on subscription) when the schema names a column the header lacks
     *         or a type CSV cannot fill
     * @throws DataException (on subscription) for a cell that does not parse, naming the line and column
     */
    static Flux<RecordBatch> read(Callable<Reader> input, String name, Schema types, int batchSize,
            BufferAllocator allocator) {
        return Flux.using(() -> CsvEncoding.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(input.call()),
                parser -> {
                    Schema schema = schema(parser.getHeaderNames(), types, name);
                    Iterator<CSVRecord> records = parser.iterator();
                    return Flux.<RecordBatch>generate(sink -> {
                        if (!records.hasNext()) {
                            sink.complete();
                            return;
                        }
                        sink.next(batch(records, schema, batchSize, allocator, name));
                    });
                },
                CsvBatches::close)
                .doOnDiscard(RecordBatch.class, RecordBatch::close);
    }

    private static Schema schema(List<String> header, Schema types, String name) {
        if (header.isEmpty()) {
            throw new DataException(name + ": no header row (the first line must name the columns)", null);
        }
        List<Field> fields = new ArrayList<>();
        for (String column : header) {
            Field typed = types == null ? null : types.getFields().stream()
                    .filter(f -> f.getName().equals(column)).findFirst().orElse(null);
            if (typed == null) {
                fields.add(new Field(column, FieldType.nullable(ArrowType.Utf8.INSTANCE), null));
            } else if (!CellText.writable(typed.getType())) {
                throw new IllegalArgumentException("--schema: column '" + column + "' is " + SchemaText.field(typed)
                        + ", which CSV cannot fill; use a scalar type");
            } else {
                fields.add(typed);
            }
        }
        if (types != null) {
            for (Field f : types.getFields()) {
                if (!header.contains(f.getName())) {
                    throw new IllegalArgumentException("--schema names column '" + f.getName() + "', which " + name
                            + " lacks (its header: " + String.join(",", header) + ")");
                }
            }
        }
        return new Schema(fields);
    }

    private static RecordBatch batch(Iterator<CSVRecord> records, Schema schema, int batchSize,
            BufferAllocator allocator, String name) {
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        try {
            root.allocateNew();
            List<FieldVector> vectors = root.getFieldVectors();
            int row = 0;
            while (row < batchSize && records.hasNext()) {
                CSVRecord record = next(records, name);
                if (record.size() != vectors.size()) {
                    throw new DataException(name + " line " + record.getParser().getCurrentLineNumber() + ": "
                            + record.size() + " cells where the header has " + vectors.size(), null);
                }
                for (int c = 0; c < vectors.size(); c++) {
                    FieldVector vector = vectors.get(c);
                    String text = record.get(c);
                    if (text == null && !vector.getField().isNullable()) {
                        throw new DataException(name + " line " + record.getParser().getCurrentLineNumber()
                                + ", column '" + vector.getName() + "': empty, but the column is not nullable", null);
                    }
                    try {
                        CellText.write(vector, row, text);
                    } catch (IllegalArgumentException e) {
                        throw new DataException(name + " line " + record.getParser().getCurrentLineNumber()
                                + ", column '" + vector.getName() + "': " + e.getMessage(), e);
                    }
                }
                row++;
            }
            root.setRowCount(row);
            return RecordBatch.of(root);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    private static CSVRecord next(Iterator<CSVRecord> records, String name) {
        try {
            return records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new DataException(name + ": not valid CSV: " + e.getMessage(), e);
        }
    }

    private static void close(CSVParser parser) {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
