package io.redisarrow.arrow.internal.json;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes replies to {@code JSON.GET} (one per row, the whole reply one raw value) into the data
 * fields' vectors. Built once per scan; immutable and thread-safe. Two shapes:
 *
 * <ul>
 * <li>{@link #members}: replies to {@code JSON.GET key $}, {@code [doc]}; field {@code i} reads
 *     the document's top-level member of its name (path {@code $.name} in messages). A document
 *     that is not an object, or a missing raw value, makes every column null.</li>
 * <li>{@link #paths}: replies to {@code JSON.GET key p1 .. pn}; field {@code i} reads the matches
 *     of path {@code i}: none is null, one is the value, and an indefinite path (see
 *     {@link JsonTypes#isDefinitePath}) into a List column is the list of its matches. More than one
 *     match into any other column is a mismatch ({@code matches N values; declare the column a List}).
 *     A definite path into a List column must match an array.</li>
 * </ul>
 *
 * <p>Values convert by the rules of {@link JsonTypes}. A reply that is not valid JSON, nests deeper
 * than {@link JsonTypes#MAX_DEPTH}, or is not the shape {@code JSON.GET} sends is, under
 * {@link ParseErrorPolicy#NULL}, a row of nulls (counted once per column) when every field is
 * nullable; otherwise a {@link ValueConversionException} ({@code not valid JSON: ...}). A null
 * (absent member, no match, JSON {@code null}) into a field declared not nullable is an error
 * whatever the policy.
 */
public final class JsonDocuments {

    private final List<Field> fields;

    private final String @Nullable [] paths;

    private final boolean[] definite;

    /** Member names (members mode) or paths as sent (two or more paths) to field index; empty for one path. */
    private final Map<String, Integer> columns;

    private JsonDocuments(List<Field> fields, String @Nullable [] paths, boolean[] definite, Map<String, Integer> columns) {
        this.fields = fields;
        this.paths = paths;
        this.definite = definite;
        this.columns = columns;
    }

    /**
     * Replies to {@code JSON.GET key $}: {@code [doc]}. Field {@code i} reads the top-level member
     * named {@code fields.get(i).getName()}.
     *
     * @param fields the data fields, in column order, with distinct names
     * @return the decoder
     * @throws io.redisarrow.arrow.UnsupportedArrowTypeException when a field's type cannot be decoded from JSON
     */
    public static JsonDocuments members(List<Field> fields) {
        List<Field> copy = checked(fields);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < copy.size(); i++) {
            if (byName.putIfAbsent(copy.get(i).getName(), i) != null) {
                throw new IllegalArgumentException("fields must have distinct names, but '" + copy.get(i).getName()
                        + "' comes twice");
            }
        }
        return new JsonDocuments(copy, null, new boolean[copy.size()], Map.copyOf(byName));
    }

    /**
     * Replies to {@code JSON.GET key p1 .. pn} (paths distinct, as sent): one path, {@code [match, ...]};
     * two or more, {@code {"p1": [matches], "p2": [matches], ...}} keyed by the paths as sent.
     * Field {@code i} reads {@code paths.get(i)}.
     *
     * @param fields the data fields, in column order
     * @param paths one JSONPath per field, as sent, distinct, each starting with {@code $}
     * @return the decoder
     * @throws io.redisarrow.arrow.UnsupportedArrowTypeException when a field's type cannot be decoded from JSON
     */
    public static JsonDocuments paths(List<Field> fields, List<String> paths) {
        List<Field> copy = checked(fields);
        if (paths.size() != copy.size()) {
            throw new IllegalArgumentException("paths must hold one path per field (" + copy.size() + "), not "
                    + paths.size());
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("paths must not be empty");
        }
        String[] sent = new String[paths.size()];
        boolean[] definite = new boolean[sent.length];
        Map<String, Integer> byPath = new HashMap<>();
        for (int i = 0; i < sent.length; i++) {
            sent[i] = paths.get(i);
            if (!sent[i].startsWith("$")) {
                throw new IllegalArgumentException("paths must be JSONPaths starting with $, not '" + sent[i] + "'");
            }
            if (byPath.putIfAbsent(sent[i], i) != null) {
                throw new IllegalArgumentException("paths must be distinct, but '" + sent[i] + "' comes twice");
            }
            definite[i] = JsonTypes.isDefinitePath(sent[i]);
        }
        return new JsonDocuments(copy, sent, definite, sent.length == 1 ? Map.of() : Map.copyOf(byPath));
    }

    private static List<Field> checked(List<Field> fields) {
        List<Field> copy = List.copyOf(fields);
        for (Field field : copy) {
            JsonTypes.checkSupported(field);
        }
        return copy;
    }

    /**
     * Decodes raw column {@code rawColumn} of every row into {@code vectors}.
     *
     * @param raw the raw values: one reply to {@code JSON.GET} per row
     * @param rawColumn the raw column holding the replies
     * @param vectors the data fields' vectors, in field order, freshly created and not yet
     *        allocated: this call allocates them for {@code raw.rowCount()} rows, fills them and sets
     *        their value counts
     * @param policy what a value that does not convert becomes
     * @return how many values were set null by {@link ParseErrorPolicy#NULL}
     * @throws ValueConversionException when a value does not convert and cannot be nulled
     */
    public long decode(RawBatch raw, int rawColumn, List<FieldVector> vectors, ParseErrorPolicy policy) {
        if (vectors.size() != fields.size()) {
            throw new IllegalArgumentException("vectors must hold one vector per field (" + fields.size() + "), not "
                    + vectors.size());
        }
        Cursor cursor = new Cursor(raw, policy);
        ValueWriter[] writers = new ValueWriter[vectors.size()];
        for (int i = 0; i < writers.length; i++) {
            Writers.allocate(vectors.get(i), raw.rowCount());
            writers[i] = Writers.create(vectors.get(i), cursor);
        }
        String[] sent = paths;
        RowDecoder rows = sent == null ? new MemberRows(cursor, writers, columns)
                : new PathRows(cursor, writers, sent, definite, sent.length == 1 ? null : columns);
        return rows.decode(raw, rawColumn);
    }
}
