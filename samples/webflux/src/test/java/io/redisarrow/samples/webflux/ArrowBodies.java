package io.redisarrow.samples.webflux;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/** Arrow IPC bodies read and written with Arrow's own stream reader and writer. */
final class ArrowBodies {

    private ArrowBodies() {
    }

    /** A body's schema and rows, each row its columns' values as text (null when null). */
    record Table(Schema schema, List<Map<String, String>> rows) {
    }

    static Table read(byte[] body, BufferAllocator allocator) {
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(body), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<Map<String, String>> rows = new ArrayList<>();
            while (reader.loadNextBatch()) {
                for (int row = 0; row < root.getRowCount(); row++) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (FieldVector vector : root.getFieldVectors()) {
                        Object value = vector.getObject(row);
                        values.put(vector.getName(), value == null ? null : value.toString());
                    }
                    rows.add(values);
                }
            }
            return new Table(root.getSchema(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param root the batch to write, refilled for each
     * @param batches how many batches
     * @param fill fills the root with batch {@code n}
     * @return the stream
     */
    static byte[] write(VectorSchemaRoot root, int batches, ObjIntConsumer<VectorSchemaRoot> fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            writer.start();
            for (int batch = 0; batch < batches; batch++) {
                fill.accept(root, batch);
                writer.writeBatch();
            }
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
