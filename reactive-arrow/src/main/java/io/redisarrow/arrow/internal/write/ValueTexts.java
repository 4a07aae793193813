package io.redisarrow.arrow.internal.write;

import io.redisarrow.arrow.internal.encode.Encoders;
import io.redisarrow.arrow.internal.encode.JsonEncoders;
import io.redisarrow.arrow.internal.encode.ValueEncoder;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Values stored as text (hash fields, strings): a scalar column as the text a scan with the same
 * schema reads back; a Struct, List or Map column as its JSON text, which a scan reads back with
 * the {@code json} option.
 */
final class ValueTexts implements ValueEncoders {

    @Override
    public void check(Field field) {
        if (JsonEncoders.isNested(field.getType())) {
            JsonEncoders.checkSupported(field);
        } else {
            Encoders.checkSupported(field);
        }
    }

    @Override
    public ValueEncoder create(FieldVector vector) {
        return JsonEncoders.isNested(vector.getField().getType()) ? JsonEncoders.create(vector)
                : Encoders.create(vector);
    }
}
