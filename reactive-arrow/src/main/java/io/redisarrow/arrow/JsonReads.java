package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.decode.ValueColumns;
import io.redisarrow.arrow.internal.json.JsonDocuments;
import io.redisarrow.core.JsonValues;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a read of JSON documents fetches and decodes its columns, for every read that fetches
 * documents by key ({@link JsonScan}, {@link SearchQuery} on a JSON index): the whole document
 * ({@code $}) when every column reads the top-level member of its name, else one JSONPath per
 * column.
 */
final class JsonReads {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonReads() {
    }

    /**
     * @param columns the data columns, in order
     * @param paths the JSONPath of each column that does not read the member of its name
     * @param whole whether every column reads the member of its name, unprojected: then the whole
     *        document is read
     * @return the paths each key's {@code JSON.GET} asks for
     * @throws IllegalArgumentException when two columns read the same path
     */
    static JsonValues values(List<String> columns, Map<String, String> paths, boolean whole) {
        if (whole && paths.isEmpty()) {
            return JsonValues.documents();
        }
        List<String> requested = new ArrayList<>();
        Map<String, String> columnOfPath = new HashMap<>();
        for (String column : columns) {
            String path = paths.getOrDefault(column, memberPath(column));
            String other = columnOfPath.putIfAbsent(path, column);
            if (other != null) {
                throw new IllegalArgumentException("columns '" + other + "' and '" + column + "' read the same path '"
                        + path + "'; read it once");
            }
            requested.add(path);
        }
        return JsonValues.paths(requested);
    }

    /**
     * @param fields the data fields, in column order
     * @param values what each key's reply holds, as {@link #values} made it
     * @param whole whether {@code values} reads whole documents whose members are the columns
     * @return how each key's reply becomes the data columns
     */
    static ValueColumns columns(List<Field> fields, JsonValues values, boolean whole) {
        JsonDocuments documents = whole ? JsonDocuments.members(fields) : JsonDocuments.paths(fields, values.paths());
        return (raw, vectors, policy) -> documents.decode(raw, 0, vectors, policy);
    }

    /**
     * @param column the column (or field) the path is for
     * @param jsonPath a JSONPath
     * @return the path
     * @throws IllegalArgumentException when the path does not start with {@code $}
     */
    static String checkPath(String column, String jsonPath) {
        Objects.requireNonNull(column, "column must not be null");
        Objects.requireNonNull(jsonPath, "jsonPath must not be null");
        if (!jsonPath.startsWith("$")) {
            throw new IllegalArgumentException("jsonPath must start with '$'; got '" + jsonPath + "'");
        }
        return jsonPath;
    }

    /**
     * @param member a top-level member name
     * @return the JSONPath of that member: {@code $.member} for a plain identifier, else
     *         {@code $["member"]} with {@code "} and {@code \} escaped
     */
    static String memberPath(String member) {
        if (IDENTIFIER.matcher(member).matches()) {
            return "$." + member;
        }
        StringBuilder path = new StringBuilder(member.length() + 6).append("$[\"");
        for (int i = 0; i < member.length(); i++) {
            char c = member.charAt(i);
            if (c == '"' || c == '\\') {
                path.append('\\');
            }
            path.append(c);
        }
        return path.append("\"]").toString();
    }
}
