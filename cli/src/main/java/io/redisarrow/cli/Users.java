package io.redisarrow.cli;

import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** Made-up users for {@code demo} and {@code bench}, built straight into Arrow batches (same seed, same users). */
final class Users {

    /** id, name, age, score, active, joined. */
    static final Schema SCHEMA = new Schema(List.of(
            new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
            new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
            new Field("age", FieldType.nullable(new ArrowType.Int(32, true)), null),
            new Field("score", FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null),
            new Field("active", FieldType.nullable(ArrowType.Bool.INSTANCE), null),
            new Field("joined", FieldType.nullable(new ArrowType.Date(DateUnit.DAY)), null)));

    /** The fields stored when {@code id} makes the key and is not written: all but {@code id}. */
    static final Schema STORED = new Schema(SCHEMA.getFields().subList(1, SCHEMA.getFields().size()));

    private static final int FIRST_DAY = (int) LocalDate.of(2015, 1, 1).toEpochDay();

    private Users() {
    }

    /**
     * @param count how many users, numbered from 0
     * @param batchSize users per batch
     * @param allocator where the vectors come from
     * @return the batches, built as they are asked for; the subscriber owns each
     */
    static Flux<RecordBatch> batches(long count, int batchSize, BufferAllocator allocator) {
        return Flux.<RecordBatch, long[]>generate(() -> new long[] { 0 }, (next, sink) -> {
            if (next[0] >= count) {
                sink.complete();
                return next;
            }
            int rows = (int) Math.min(batchSize, count - next[0]);
            sink.next(batch(next[0], rows, allocator));
            next[0] += rows;
            return next;
        }).doOnDiscard(RecordBatch.class, RecordBatch::close);
    }

    private static RecordBatch batch(long first, int rows, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        root.allocateNew();
        BigIntVector id = (BigIntVector) root.getVector("id");
        VarCharVector name = (VarCharVector) root.getVector("name");
        IntVector age = (IntVector) root.getVector("age");
        Float8Vector score = (Float8Vector) root.getVector("score");
        BitVector active = (BitVector) root.getVector("active");
        DateDayVector joined = (DateDayVector) root.getVector("joined");
        for (int row = 0; row < rows; row++) {
            long n = first + row;
            Random random = new Random(n * 7919 + 42);
            id.setSafe(row, n);
            name.setSafe(row, ("user-" + n).getBytes(StandardCharsets.UTF_8));
            age.setSafe(row, 18 + random.nextInt(60));
            score.setSafe(row, Math.round(random.nextDouble() * 10_000) / 100.0);
            active.setSafe(row, random.nextBoolean() ? 1 : 0);
            joined.setSafe(row, FIRST_DAY + random.nextInt(3650));
        }
        root.setRowCount(rows);
        return RecordBatch.of(root);
    }
}
