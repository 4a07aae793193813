package io.redisarrow.arrow;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.Text;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns batches into plain rows for assertions, closing every batch.
 */
final class Rows {

    private Rows() {
    }

    static List<Map<String, Object>> of(VectorSchemaRoot root) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < root.getRowCount(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (FieldVector vector : root.getFieldVectors()) {
                Object value = vector.getObject(i);
                row.put(vector.getName(), value instanceof Text text ? text.toString() : value);
            }
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, Object>> collect(Flux<RecordBatch> batches) {
        List<Map<String, Object>> rows = new ArrayList<>();
        batches.doOnNext(batch -> {
            try (batch) {
                rows.addAll(of(batch.root()));
            }
        }).blockLast();
        return rows;
    }

    static List<Map<String, Object>> sortedBy(List<Map<String, Object>> rows, String column) {
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(row -> String.valueOf(row.get(column))));
        return sorted;
    }
}
