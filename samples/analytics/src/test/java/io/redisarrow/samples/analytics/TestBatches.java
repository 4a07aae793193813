package io.redisarrow.samples.analytics;

import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.charset.StandardCharsets;

/** Batches of users' city and age built by hand, with the schema of {@link Users#scan}'s batches. */
final class TestBatches {

    static final Schema SCHEMA = Users.scan("any:").batchSchema();

    private TestBatches() {
    }

    /**
     * @param allocator where the vectors live
     * @param cities one city per row (null for none)
     * @param ages one age per row (null for none)
     * @return the batch
     */
    static RecordBatch of(BufferAllocator allocator, String[] cities, Integer[] ages) {
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        VarCharVector city = (VarCharVector) root.getVector("city");
        IntVector age = (IntVector) root.getVector("age");
        city.allocateNew(cities.length);
        age.allocateNew(ages.length);
        for (int row = 0; row < cities.length; row++) {
            if (cities[row] == null) {
                city.setNull(row);
            } else {
                city.setSafe(row, cities[row].getBytes(StandardCharsets.UTF_8));
            }
            if (ages[row] == null) {
                age.setNull(row);
            } else {
                age.setSafe(row, ages[row]);
            }
        }
        root.setRowCount(cities.length);
        return RecordBatch.of(root);
    }

    /**
     * @param allocator where the vectors live
     * @param index the batch's number, which becomes its one row's age
     * @return a batch of one user in "City" aged {@code index}
     */
    static RecordBatch numbered(BufferAllocator allocator, int index) {
        return of(allocator, new String[] { "City" }, new Integer[] { index });
    }
}
