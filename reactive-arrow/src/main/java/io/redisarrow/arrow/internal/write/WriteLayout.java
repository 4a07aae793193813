package io.redisarrow.arrow.internal.write;

import io.redisarrow.arrow.internal.encode.Encoders;
import io.redisarrow.arrow.internal.encode.ValueEncoder;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where a batch's keys, TTLs and values come from, resolved once per schema and checked before
 * anything is written: the key column (Utf8 or Binary) or the template's columns, the TTL column
 * (an integer type), and the value columns with the names they are written under.
 */
final class WriteLayout {

    private final Schema schema;

    private final WriteSpec spec;

    private final int keyColumn;

    private final @Nullable KeyTemplate template;

    private final int[] templateColumns;

    private final int ttlColumn;

    private final List<Integer> valueColumns;

    private final List<byte[]> valueNames;

    private final List<byte[]> valueNameBulks;

    private WriteLayout(Schema schema, WriteSpec spec, int keyColumn, @Nullable KeyTemplate template,
            int[] templateColumns, int ttlColumn, List<Integer> valueColumns, List<byte[]> valueNames) {
        this.schema = schema;
        this.spec = spec;
        this.keyColumn = keyColumn;
        this.template = template;
        this.templateColumns = templateColumns;
        this.ttlColumn = ttlColumn;
        this.valueColumns = valueColumns;
        this.valueNames = valueNames;
        List<byte[]> bulks = new ArrayList<>(valueNames.size());
        for (byte[] name : valueNames) {
            bulks.add(Commands.bulk(name));
        }
        this.valueNameBulks = List.copyOf(bulks);
    }

    /**
     * Resolves the layout of writes whose values are the columns left over (hash fields, JSON
     * members).
     *
     * @param schema the batch's schema
     * @param spec the write's options
     * @param checkValue throws for a value column the writer cannot encode
     * @param what what the values are, for messages ({@code field})
     * @return the layout
     * @throws IllegalArgumentException or an {@code UnsupportedArrowTypeException} naming what is wrong
     */
    static WriteLayout fields(Schema schema, WriteSpec spec, Consumer<Field> checkValue,
            String what) {
        Resolved keys = resolveKeysAndTtl(schema, spec);
        List<Integer> values = new ArrayList<>();
        List<byte[]> names = new ArrayList<>();
        Map<String, String> written = new HashMap<>();
        List<Field> fields = schema.getFields();
        for (int i = 0; i < fields.size(); i++) {
            String column = fields.get(i).getName();
            if (i == keys.keyColumn || i == keys.ttlColumn || spec.excluded().contains(column)) {
                continue;
            }
            checkValue.accept(fields.get(i));
            String name = spec.renamed().getOrDefault(column, column);
            String earlier = written.putIfAbsent(name, column);
            if (earlier != null) {
                throw new IllegalArgumentException("columns '" + earlier + "' and '" + column + "' would both be written as "
                        + what + " '" + name + "'; exclude or rename one");
            }
            values.add(i);
            names.add(name.getBytes(StandardCharsets.UTF_8));
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the batch has no column to write as a " + what + " (columns "
                    + columnNames(schema) + "; the key, TTL and excluded columns are not written)");
        }
        return new WriteLayout(schema, spec, keys.keyColumn, keys.template, keys.templateColumns, keys.ttlColumn,
                List.copyOf(values), List.copyOf(names));
    }

    /**
     * Resolves the layout of writes whose values are named columns (a string's value, a set's
     * member, a sorted set's member and score).
     *
     * @param schema the batch's schema
     * @param spec the write's options
     * @param columns the value columns, with what each is for messages ({@code valueColumn})
     * @param checks throws for a value column the writer cannot encode, by the column's role
     * @return the layout
     */
    static WriteLayout named(Schema schema, WriteSpec spec, Map<String, String> columns,
            Function<String, Consumer<Field>> checks) {
        Resolved keys = resolveKeysAndTtl(schema, spec);
        List<Integer> values = new ArrayList<>();
        List<byte[]> names = new ArrayList<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            int index = find(schema, column.getKey(), column.getValue());
            checks.apply(column.getValue()).accept(schema.getFields().get(index));
            values.add(index);
            names.add(column.getKey().getBytes(StandardCharsets.UTF_8));
        }
        return new WriteLayout(schema, spec, keys.keyColumn, keys.template, keys.templateColumns, keys.ttlColumn,
                List.copyOf(values), List.copyOf(names));
    }

    private record Resolved(int keyColumn, @Nullable KeyTemplate template, int[] templateColumns, int ttlColumn) {
    }

    private static Resolved resolveKeysAndTtl(Schema schema, WriteSpec spec) {
        int keyColumn = -1;
        KeyTemplate template = null;
        int[] templateColumns = new int[0];
        if (spec.keyTemplate() == null) {
            keyColumn = find(schema, spec.keyColumn(), "key column");
            Field key = schema.getFields().get(keyColumn);
            ArrowType.ArrowTypeID type = key.getType().getTypeID();
            if (type != ArrowType.ArrowTypeID.Utf8 && type != ArrowType.ArrowTypeID.Binary) {
                throw new IllegalArgumentException("key column '" + key.getName() + "' is " + key.getType()
                        + "; a key column must be Utf8 or Binary (use keyTemplate(\"{" + key.getName()
                        + "}\") to make keys from other types)");
            }
        } else {
            template = KeyTemplate.parse(spec.keyTemplate());
            templateColumns = new int[template.columns().size()];
            for (int i = 0; i < templateColumns.length; i++) {
                String column = template.columns().get(i);
                int index = indexOf(schema, column);
                if (index < 0) {
                    throw new IllegalArgumentException("key template '" + template + "' names column '" + column
                            + "', which the batch does not have (columns " + columnNames(schema) + ")");
                }
                Field field = schema.getFields().get(index);
                if (!Encoders.supports(field.getType())) {
                    throw new IllegalArgumentException("key template '" + template + "' names column '" + column
                            + "' of type " + field.getType() + ", which has no text form; use a scalar column");
                }
                templateColumns[i] = index;
            }
        }
        int ttlColumn = -1;
        if (spec.ttlColumn() != null) {
            ttlColumn = find(schema, spec.ttlColumn(), "TTL column");
            Field ttl = schema.getFields().get(ttlColumn);
            if (ttl.getType().getTypeID() != ArrowType.ArrowTypeID.Int) {
                throw new IllegalArgumentException("TTL column '" + ttl.getName() + "' is " + ttl.getType()
                        + "; it must be an integer type holding seconds");
            }
            if (ttlColumn == keyColumn) {
                throw new IllegalArgumentException("column '" + ttl.getName() + "' cannot be both the key and the TTL");
            }
        }
        return new Resolved(keyColumn, template, templateColumns, ttlColumn);
    }

    private static int find(Schema schema, String name, String what) {
        int index = indexOf(schema, name);
        if (index < 0) {
            throw new IllegalArgumentException("the batch has no " + what + " '" + name + "' (columns "
                    + columnNames(schema) + ")");
        }
        return index;
    }

    private static int indexOf(Schema schema, String name) {
        List<Field> fields = schema.getFields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> columnNames(Schema schema) {
        return schema.getFields().stream().map(Field::getName).toList();
    }

    /** @return the schema this layout was resolved for */
    Schema schema() {
        return schema;
    }

    /** @return the write's options */
    WriteSpec spec() {
        return spec;
    }

    /** @return the number of value columns */
    int valueCount() {
        return valueColumns.size();
    }

    /** @return the name value column {@code i} is written under, UTF-8 */
    byte[] valueName(int i) {
        return valueNames.get(i);
    }

    /** @return the name value column {@code i} is written under, as a RESP bulk string */
    byte[] valueNameBulk(int i) {
        return valueNameBulks.get(i);
    }

    /** @return the vector of value column {@code i} in {@code root} */
    FieldVector valueVector(VectorSchemaRoot root, int i) {
        return root.getVector(valueColumns.get(i));
    }

    /**
     * @param root a batch of this layout's schema
     * @return the keys of its rows
     */
    RowKeys keys(VectorSchemaRoot root) {
        if (template == null) {
            return new ColumnKeys((BaseVariableWidthVector) root.getVector(keyColumn));
        }
        List<ValueEncoder> columns = new ArrayList<>(templateColumns.length);
        for (int column : templateColumns) {
            columns.add(Encoders.create(root.getVector(column)));
        }
        return new TemplateKeys(template, columns);
    }

    /**
     * @param root a batch of this layout's schema
     * @return the TTLs of its rows
     */
    RowTtls ttls(VectorSchemaRoot root) {
        if (ttlColumn >= 0) {
            return RowTtls.column((BaseIntVector) root.getVector(ttlColumn));
        }
        return spec.ttl() == null ? RowTtls.none() : RowTtls.fixed(spec.ttl());
    }
}
