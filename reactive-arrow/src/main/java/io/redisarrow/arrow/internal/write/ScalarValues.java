package io.redisarrow.arrow.internal.write;

import io.redisarrow.arrow.internal.encode.Encoders;
import io.redisarrow.arrow.internal.encode.ValueEncoder;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Scalar columns only (set, list and sorted-set members), as the text a scan with the same schema
 * reads back.
 */
final class ScalarValues implements ValueEncoders {

    @Override
    public void check(Field field) {
        Encoders.checkSupported(field);
    }

    @Override
    public ValueEncoder create(FieldVector vector) {
        return Encoders.create(vector);
    }
}
