package io.redisarrow.arrow;

import java.util.List;

/**
 * One attribute of a {@link SearchIndex}, as {@code FT.CREATE} declares it after {@code SCHEMA}.
 *
 * @param identifier the hash field, or the JSONPath of an index on JSON documents
 * @param name the attribute's name (its {@code AS} alias on JSON)
 * @param type {@code TAG}, {@code TEXT}, {@code NUMERIC} or {@code GEO}
 * @param sortable whether it is {@code SORTABLE}
 * @param caseSensitive whether a TAG keeps the case of its values ({@code CASESENSITIVE})
 * @param separator the character a TAG value is split at ({@code SEPARATOR}), or null for the
 *        server's default
 */
record IndexAttribute(String identifier, String name, String type, boolean sortable, boolean caseSensitive,
        String separator) {

    static final String TAG = "TAG";

    static final String TEXT = "TEXT";

    static final String NUMERIC = "NUMERIC";

    static final String GEO = "GEO";

    /**
     * Appends the attribute's arguments: {@code identifier [AS name] type [SEPARATOR c]
     * [CASESENSITIVE] [SORTABLE]}, in the order the server parses them (type options before
     * {@code SORTABLE}).
     *
     * @param arguments where to append
     * @param alias whether to name the attribute with {@code AS}
     */
    void appendTo(List<String> arguments, boolean alias) {
        arguments.add(identifier);
        if (alias) {
            arguments.add("AS");
            arguments.add(name);
        }
        arguments.add(type);
        if (separator != null) {
            arguments.add("SEPARATOR");
            arguments.add(separator);
        }
        if (caseSensitive) {
            arguments.add("CASESENSITIVE");
        }
        if (sortable) {
            arguments.add("SORTABLE");
        }
    }
}
