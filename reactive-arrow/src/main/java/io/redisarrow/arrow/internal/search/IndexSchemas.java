package io.redisarrow.arrow.internal.search;

import io.redisarrow.core.IndexInfo;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;

/** Temporary placeholder until the index helpers land. */
public final class IndexSchemas {
    private IndexSchemas() { }
    public static Schema schema(IndexInfo info) {
        List<Field> fields = new ArrayList<>();
        for (IndexInfo.Attribute a : info.attributes()) {
            ArrowType t = a.type().equals("NUMERIC") ? new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE) : ArrowType.Utf8.INSTANCE;
            fields.add(new Field(a.name(), FieldType.nullable(t), null));
        }
        return new Schema(fields);
    }
}
