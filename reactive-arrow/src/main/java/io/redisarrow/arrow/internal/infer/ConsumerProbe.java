package io.redisarrow.arrow.internal.infer;

import io.redisarrow.arrow.internal.consumer.ColumnConsumer;
import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the consumers scans decode with whether they parse a value: one scratch vector of one slot
 * per Arrow type, from a child allocator that {@link #close()} closes with the vectors. So an
 * inferred type parses the sampled values by the very code a scan runs. Not thread-safe.
 */
final class ConsumerProbe implements AutoCloseable {

    private final BufferAllocator allocator;

    private final Map<ArrowType, FieldVector> vectors = new HashMap<>();

    private final Map<ArrowType, ColumnConsumer> consumers = new HashMap<>();

    /** @param parent the allocator the scratch vectors' child allocator comes from */
    ConsumerProbe(BufferAllocator parent) {
        this.allocator = parent.newChildAllocator("schema-inference", 0, Long.MAX_VALUE);
    }

    /** @return whether the consumer of {@code type} parses {@code value} */
    boolean accepts(ArrowType type, byte[] value) {
        return consumer(type).consume(0, value, 0, value.length);
    }

    /** @return whether the consumer of {@code type} parses every value */
    boolean acceptsAll(ArrowType type, List<byte[]> values) {
        ColumnConsumer consumer = consumer(type);
        for (byte[] value : values) {
            if (!consumer.consume(0, value, 0, value.length)) {
                return false;
            }
        }
        return true;
    }

    private ColumnConsumer consumer(ArrowType type) {
        ColumnConsumer consumer = consumers.get(type);
        if (consumer == null) {
            FieldVector vector = new Field("probe", FieldType.nullable(type), null).createVector(allocator);
            vectors.put(type, vector);
            vector.setInitialCapacity(1);
            vector.allocateNew();
            consumer = Consumers.create(vector);
            consumers.put(type, consumer);
        }
        return consumer;
    }

    /** Closes the scratch vectors and their allocator. */
    @Override
    public void close() {
        vectors.values().forEach(FieldVector::close);
        vectors.clear();
        consumers.clear();
        allocator.close();
    }
}
