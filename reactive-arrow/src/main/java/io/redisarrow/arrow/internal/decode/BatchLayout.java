package io.redisarrow.arrow.internal.decode;

import io.redisarrow.arrow.ParseErrorPolicy;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of every batch a read produces, in order: row index (if asked), key (unless
 * dropped), TTL (if asked), then the data fields in column order; and what to do with a value
 * that does not parse. Shared by every data type: a scan's options become one layout.
 */
public final class BatchLayout {

    private static final ArrowType INT64 = new ArrowType.Int(64, true);

    private final @Nullable String rowIndexColumn;

    private final @Nullable String keyColumn;

    private final boolean binaryKeys;

    private final @Nullable String ttlColumn;

    private final List<Field> dataFields;

    private final ParseErrorPolicy parseErrorPolicy;

    private final Schema schema;

    /**
     * @param rowIndexColumn name of the Int64 row index column, or null for none
     * @param keyColumn name of the key column, or null for none
     * @param binaryKeys whether the key column is Binary rather than Utf8
     * @param ttlColumn name of the Int64 TTL column, or null for none
     * @param dataFields the data columns, in order
     * @param parseErrorPolicy what a value that does not parse becomes
     */
    public BatchLayout(@Nullable String rowIndexColumn, @Nullable String keyColumn, boolean binaryKeys,
            @Nullable String ttlColumn, List<Field> dataFields, ParseErrorPolicy parseErrorPolicy) {
        this.rowIndexColumn = rowIndexColumn;
        this.keyColumn = keyColumn;
        this.binaryKeys = binaryKeys;
        this.ttlColumn = ttlColumn;
        this.dataFields = List.copyOf(dataFields);
        this.parseErrorPolicy = parseErrorPolicy;
        List<Field> columns = new ArrayList<>();
        if (rowIndexColumn != null) {
            columns.add(new Field(rowIndexColumn, FieldType.notNullable(INT64), null));
        }
        if (keyColumn != null) {
            columns.add(new Field(keyColumn,
                    FieldType.notNullable(binaryKeys ? ArrowType.Binary.INSTANCE : ArrowType.Utf8.INSTANCE), null));
        }
        if (ttlColumn != null) {
            columns.add(new Field(ttlColumn, FieldType.nullable(INT64), null));
        }
        columns.addAll(this.dataFields);
        this.schema = new Schema(columns);
    }

    /** @return the schema of every batch */
    public Schema schema() {
        return schema;
    }

    @Nullable String rowIndexColumn() {
        return rowIndexColumn;
    }

    @Nullable String keyColumn() {
        return keyColumn;
    }

    boolean binaryKeys() {
        return binaryKeys;
    }

    @Nullable String ttlColumn() {
        return ttlColumn;
    }

    List<Field> dataFields() {
        return dataFields;
    }

    ParseErrorPolicy parseErrorPolicy() {
        return parseErrorPolicy;
    }

    /** @return how many columns come before the data fields */
    int metaColumns() {
        return schema.getFields().size() - dataFields.size();
    }
}
