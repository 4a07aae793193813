package io.redisarrow.arrow.internal.write;

import io.redisarrow.arrow.internal.encode.ValueEncoder;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * How a writer turns a value column into bulk strings, and which columns it can.
 */
interface ValueEncoders {

    /**
     * @param field a value column
     * @throws RuntimeException naming the column when it cannot be encoded
     */
    void check(Field field);

    /** @return the encoder of a checked column's vector */
    ValueEncoder create(FieldVector vector);
}
