package io.redisarrow.arrow.internal.search;

import io.redisarrow.arrow.SearchMetadata;
import io.redisarrow.arrow.internal.json.JsonTypes;
import io.redisarrow.core.IndexInfo;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index's description ({@code FT.INFO}) as an Arrow schema: one nullable field per attribute,
 * named as the attribute, in declaration order, of the type its values are read as.
 *
 * <table>
 * <caption>Attribute → Arrow type</caption>
 * <tr><th>Attribute</th><th>Arrow type</th></tr>
 * <tr><td>TEXT, TAG, GEO, and types this table does not name</td><td>Utf8</td></tr>
 * <tr><td>NUMERIC</td><td>Float64: the server keeps every number as a double</td></tr>
 * <tr><td>VECTOR</td><td>Binary on hashes (the vector's bytes as stored); on JSON documents
 *     List&lt;Float64&gt; (the array of numbers)</td></tr>
 * </table>
 *
 * <p>On JSON documents an attribute whose JSONPath can select several values ({@code [*]},
 * {@code ..}, filters, slices) is a List of that type, element field {@code item}. Each field's
 * metadata holds the attribute's identifier, type and whether it is sortable
 * ({@link SearchMetadata}).
 */
public final class IndexSchemas {

    /** The element field's name in a List, as inferred schemas name it. */
    static final String ITEM = "item";

    private static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    private IndexSchemas() {
    }

    /**
     * @param info an index's description
     * @return its schema
     */
    public static Schema of(IndexInfo info) {
        List<Field> fields = new ArrayList<>(info.attributes().size());
        for (IndexInfo.Attribute attribute : info.attributes()) {
            fields.add(field(attribute, info.onJson()));
        }
        return new Schema(fields);
    }

    private static Field field(IndexInfo.Attribute attribute, boolean json) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(SearchMetadata.IDENTIFIER, attribute.identifier());
        metadata.put(SearchMetadata.TYPE, attribute.type());
        metadata.put(SearchMetadata.SORTABLE, Boolean.toString(attribute.sortable()));
        Field value = switch (attribute.type()) {
            case "NUMERIC" -> scalar(attribute.name(), FLOAT64, null);
            case "VECTOR" -> json ? list(attribute.name(), scalar(ITEM, FLOAT64, null), null)
                    : scalar(attribute.name(), ArrowType.Binary.INSTANCE, null);
            default -> scalar(attribute.name(), ArrowType.Utf8.INSTANCE, null);
        };
        if (json && selectsSeveral(attribute.identifier())) {
            return list(attribute.name(), rename(value, ITEM), metadata);
        }
        return new Field(value.getName(), new FieldType(true, value.getType(), null, metadata), value.getChildren());
    }

    /**
     * @param path an attribute's JSONPath
     * @return whether it can select several values; a legacy path (not starting with {@code $})
     *         selects its first match only
     */
    static boolean selectsSeveral(String path) {
        return path.startsWith("$") && !JsonTypes.isDefinitePath(path);
    }

    private static Field scalar(String name, ArrowType type, Map<String, String> metadata) {
        return new Field(name, new FieldType(true, type, null, metadata), null);
    }

    private static Field list(String name, Field element, Map<String, String> metadata) {
        return new Field(name, new FieldType(true, ArrowType.List.INSTANCE, null, metadata), List.of(element));
    }

    private static Field rename(Field field, String name) {
        return new Field(name, field.getFieldType(), field.getChildren());
    }
}
