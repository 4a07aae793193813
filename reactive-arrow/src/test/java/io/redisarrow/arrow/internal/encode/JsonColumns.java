package io.redisarrow.arrow.internal.encode;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.internal.json.JsonTexts;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

import java.nio.charset.StandardCharsets;

/**
 * Reads JSON texts back through the scan side's JSON decoder, for the JSON encoder tests.
 */
final class JsonColumns {

    private JsonColumns() {
    }

    /** @return a vector of {@code field} decoded from one JSON text per row (null: a null cell), owned by the caller */
    static FieldVector decoded(BufferAllocator allocator, Field field, String... texts) {
        RawBatch raw = new RawBatch(1, texts.length, false);
        for (int i = 0; i < texts.length; i++) {
            int row = raw.startRow(("k" + i).getBytes(StandardCharsets.UTF_8));
            if (texts[i] != null) {
                byte[] bytes = texts[i].getBytes(StandardCharsets.UTF_8);
                raw.copyValue(row, 0, bytes, 0, bytes.length);
            }
        }
        FieldVector vector = field.createVector(allocator);
        try {
            JsonTexts.decodeColumn(raw, 0, field, vector, ParseErrorPolicy.FAIL);
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }
}
