package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A RediSearch index to create with {@link RedisArrow#createIndex(SearchIndex)}, described by an
 * Arrow schema: which keys it covers (hashes or JSON documents under key prefixes) and one
 * attribute per schema field, named as the field. Immutable; build it with {@link #builder()}.
 *
 * <pre>{@code
 * SearchIndex index = SearchIndex.builder().name("users").on(SearchIndex.Target.JSON)
 *         .prefix("user:")
 *         .schema(schema)
 *         .text("name")                       // full-text rather than exact-match
 *         .sortable("age")
 *         .path("city", "$.address.city")     // a field that reads a nested value
 *         .build();
 * redis.createIndex(index).block();
 * }</pre>
 *
 * <p>Each field becomes an attribute of the type its Arrow type maps to:
 *
 * <table>
 * <caption>Arrow type → RediSearch attribute</caption>
 * <tr><th>Arrow type</th><th>Attribute</th><th>Notes</th></tr>
 * <tr><td>Utf8</td><td>TAG; TEXT with {@link Builder#text(String...)}; GEO with
 *     {@link Builder#geo(String...)}</td><td>a TAG matches whole values exactly (case-insensitively
 *     unless {@link Builder#caseSensitive(String...)}); TEXT matches words; GEO takes
 *     {@code "longitude,latitude"}</td></tr>
 * <tr><td>Int8/16/32/64, Float32/64, Decimal</td><td>NUMERIC</td><td>the server keeps every number
 *     as a double: integers beyond 2<sup>53</sup> and decimals beyond 15 significant digits are
 *     rounded in the index (not in the document)</td></tr>
 * <tr><td>Bool</td><td>TAG</td><td>the value as stored: a JSON {@code true}, or a hash's text,
 *     queried as {@code @f:{true}} (or {@code @f:{1}} for a hash holding {@code 1})</td></tr>
 * <tr><td>Date, Timestamp</td><td>TAG</td><td>hashes and documents hold them as ISO-8601 text
 *     ({@code 2024-02-29}, {@code 2024-02-29T10:00:00Z}), which RediSearch cannot index as numbers: a
 *     TAG matches a value exactly or by prefix ({@code @d:{2024\-02*}}), and sorts as text, which is
 *     in time order when every value has the same form and offset. Values stored as epoch numbers
 *     are indexed by declaring the field Int64 in the index schema (NUMERIC)</td></tr>
 * <tr><td>List of one of the above, but Bool (JSON only)</td><td>the element's attribute, on
 *     {@code $.f[*]}</td><td>every element is indexed; RediSearch does not index arrays of booleans
 *     (a document holding one fails to index), so List&lt;Bool&gt; is rejected</td></tr>
 * <tr><td>Binary, Struct, Map, List of those or of Lists, other types</td><td>rejected</td><td>an
 *     {@link IllegalArgumentException} naming the field: leave it out of the index schema, or (JSON)
 *     index a value inside it as its own field with {@link Builder#path(String, String)}</td></tr>
 * </table>
 *
 * <p>On hashes an attribute reads the hash field of its name. On JSON documents it reads the
 * top-level member of its name ({@code $.name}, or {@code $["name"]} when the name is not a plain
 * identifier; {@code $.name[*]} for a List), or the JSONPath given with
 * {@link Builder#path(String, String)}, and is named with {@code AS name}. The server then matches a
 * value by its JSON type: a NUMERIC attribute takes JSON numbers, TAG strings and booleans, TEXT and
 * GEO strings; a value of another JSON type makes its whole document fail to index (counted in
 * {@link io.redisarrow.core.IndexInfo#indexingFailures()}), and so does a hash value a NUMERIC or
 * GEO attribute cannot parse. A missing value or a JSON {@code null} is simply not indexed.
 *
 * <p>A TAG splits a value at its separator: on hashes a comma by default, so {@code "Smith, John"}
 * becomes the tags {@code Smith} and {@code John}; on JSON documents not at all by default.
 * {@link Builder#separator(char, String...)} chooses another. The field's metadata is ignored (the
 * type and the options above decide the attribute). The full mapping, both ways, is in
 * {@code docs/search-index.md}.
 */
public final class SearchIndex {

    /** What an index covers: which type of key, as {@code FT.CREATE ... ON HASH|JSON} says. */
    public enum Target {

        /** Hashes: an attribute reads the hash field of its name. */
        HASH,

        /** JSON documents (the JSON module's {@code ReJSON-RL}): an attribute reads a JSONPath. */
        JSON
    }

    private final String name;

    private final Target target;

    private final List<String> prefixes;

    private final Schema schema;

    private final List<IndexAttribute> attributes;

    private SearchIndex(Builder b, List<IndexAttribute> attributes) {
        this.name = b.name;
        this.target = b.target;
        this.prefixes = List.copyOf(b.prefixes);
        this.schema = b.schema;
        this.attributes = List.copyOf(attributes);
    }

    /**
     * @return a builder; {@link Builder#name(String)}, {@link Builder#schema(Schema)} and either a
     *         prefix or {@link Builder#allKeys()} are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the index name */
    public String name() {
        return name;
    }

    /** @return the type of key the index covers */
    public Target target() {
        return target;
    }

    /** @return the key prefixes the index covers, empty when it covers every key of its type */
    public List<String> prefixes() {
        return prefixes;
    }

    /** @return the schema the attributes were made from, one per field, in field order */
    public Schema schema() {
        return schema;
    }

    /** @return the attributes, in schema order */
    List<IndexAttribute> attributes() {
        return attributes;
    }

    /**
     * @return the arguments after {@code FT.CREATE}:
     *         {@code name ON HASH|JSON [PREFIX n prefix...] SCHEMA attribute...}
     */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add(name);
        arguments.add("ON");
        arguments.add(target.name());
        if (!prefixes.isEmpty()) {
            arguments.add("PREFIX");
            arguments.add(Integer.toString(prefixes.size()));
            arguments.addAll(prefixes);
        }
        arguments.add("SCHEMA");
        for (IndexAttribute attribute : attributes) {
            attribute.appendTo(arguments, target == Target.JSON);
        }
        return arguments;
    }

    /** @return the command this index is created with, for logs */
    @Override
    public String toString() {
        return "SearchIndex{FT.CREATE " + String.join(" ", arguments()) + '}';
    }

    /**
     * Builder of {@link SearchIndex}. Setters check their arguments at once; {@link #build()}
     * checks that they fit the schema and the target. The field-option setters ({@code text},
     * {@code geo}, {@code sortable}, {@code caseSensitive}, {@code separator}, {@code path}) add to
     * what earlier calls gave.
     */
    public static final class Builder {

        private String name;

        private Target target = Target.HASH;

        private List<String> prefixes = List.of();

        private boolean allKeys;

        private Schema schema;

        private final Set<String> text = new LinkedHashSet<>();

        private final Set<String> geo = new LinkedHashSet<>();

        private final Set<String> sortable = new LinkedHashSet<>();

        private final Set<String> caseSensitive = new LinkedHashSet<>();

        private final Map<String, String> separators = new HashMap<>();

        private final Map<String, String> paths = new HashMap<>();

        private Builder() {
        }

        /**
         * @param name the index name, unique on the server; required
         * @return this builder
         * @throws IllegalArgumentException when it is empty
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name must not be null");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("name must not be empty");
            }
            this.name = name;
            return this;
        }

        /**
         * @param target what the index covers; {@link Target#HASH} by default, as for
         *        {@code FT.CREATE}
         * @return this builder
         */
        public Builder on(Target target) {
            this.target = Objects.requireNonNull(target, "target must not be null");
            return this;
        }

        /**
         * Makes the index cover the keys starting with one prefix, replacing prefixes given before.
         *
         * @param prefix a key prefix, such as {@code user:}
         * @return this builder
         * @throws IllegalArgumentException when it is empty (use {@link #allKeys()})
         */
        public Builder prefix(String prefix) {
            return prefixes(prefix);
        }

        /**
         * Makes the index cover the keys starting with any of these prefixes, replacing prefixes
         * given before.
         *
         * @param prefixes key prefixes, at least one
         * @return this builder
         * @throws IllegalArgumentException when there are none, one is empty (use
         *         {@link #allKeys()}) or one is given twice
         */
        public Builder prefixes(String... prefixes) {
            Objects.requireNonNull(prefixes, "prefixes must not be null");
            if (prefixes.length == 0) {
                throw new IllegalArgumentException("prefixes must name at least one prefix; use allKeys() for every key");
            }
            Set<String> seen = new HashSet<>();
            for (String prefix : prefixes) {
                Objects.requireNonNull(prefix, "prefixes must not contain null");
                if (prefix.isEmpty()) {
                    throw new IllegalArgumentException("a prefix must not be empty; use allKeys() to index every key");
                }
                if (!seen.add(prefix)) {
                    throw new IllegalArgumentException("prefix '" + prefix + "' is given twice");
                }
            }
            this.prefixes = List.of(prefixes);
            return this;
        }

        /**
         * Makes the index cover every key of its type in the database (no {@code PREFIX}), which
         * the server indexes, and keeps indexed on every write, however many keys there are.
         * Exclusive with prefixes.
         *
         * @return this builder
         */
        public Builder allKeys() {
            this.allKeys = true;
            return this;
        }

        /**
         * @param schema one field per attribute, named as the attribute; required, with at least
         *        one field, each with a distinct, non-empty name
         * @return this builder
         */
        public Builder schema(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema must not be null");
            return this;
        }

        /**
         * Indexes Utf8 fields (or List&lt;Utf8&gt; on JSON) as TEXT, matched by word (stemmed,
         * without stop words), rather than as TAG.
         *
         * @param fields schema fields
         * @return this builder
         */
        public Builder text(String... fields) {
            return add(text, "text", fields);
        }

        /**
         * Indexes Utf8 fields (or List&lt;Utf8&gt; on JSON) holding {@code "longitude,latitude"} as
         * GEO rather than as TAG.
         *
         * @param fields schema fields
         * @return this builder
         */
        public Builder geo(String... fields) {
            return add(geo, "geo", fields);
        }

        /**
         * Declares attributes {@code SORTABLE}: queries can sort by them, and the server keeps a
         * copy of each value with the index.
         *
         * @param fields schema fields
         * @return this builder
         */
        public Builder sortable(String... fields) {
            return add(sortable, "sortable", fields);
        }

        /**
         * Makes TAG attributes keep the case of their values ({@code CASESENSITIVE}); by default
         * the server lowercases TAG values, so {@code @f:{ABC}} also matches {@code abc}.
         *
         * @param fields schema fields indexed as TAG
         * @return this builder
         */
        public Builder caseSensitive(String... fields) {
            return add(caseSensitive, "caseSensitive", fields);
        }

        /**
         * Sets the character TAG attributes split their values at ({@code SEPARATOR}): by default a
         * comma on hashes, and nothing on JSON documents.
         *
         * @param separator one ASCII character that is not a letter, a digit or white space, such
         *        as {@code '|'} or {@code ';'}
         * @param fields schema fields indexed as TAG
         * @return this builder
         * @throws IllegalArgumentException when the character is not such a one
         */
        public Builder separator(char separator, String... fields) {
            if (separator >= 0x80 || separator < 0x21 || Character.isLetterOrDigit(separator)) {
                throw new IllegalArgumentException("separator must be an ASCII character that is not a letter, a digit"
                        + " or white space; got U+" + String.format(Locale.ROOT, "%04X", (int) separator));
            }
            Set<String> named = new LinkedHashSet<>();
            add(named, "separator", fields);
            for (String field : named) {
                separators.put(field, String.valueOf(separator));
            }
            return this;
        }

        /**
         * Makes a field's attribute read the value at a JSONPath rather than the top-level member
         * of its name; for JSON documents only. A path that selects several values ({@code [*]},
         * {@code ..}, filters) indexes all of them; the field's type is then the values' type (or
         * a List of it), such as Utf8 for {@code $.items[*].sku}.
         *
         * @param field a schema field
         * @param jsonPath a JSONPath starting with {@code $}, such as {@code $.address.city}
         * @return this builder
         * @throws IllegalArgumentException when the path does not start with {@code $}
         */
        public Builder path(String field, String jsonPath) {
            paths.put(field, JsonReads.checkPath(field, jsonPath));
            return this;
        }

        private Builder add(Set<String> set, String option, String... fields) {
            Objects.requireNonNull(fields, option + " fields must not be null");
            if (fields.length == 0) {
                throw new IllegalArgumentException(option + "(...) must name at least one field");
            }
            for (String field : fields) {
                set.add(Objects.requireNonNull(field, option + " fields must not contain null"));
            }
            return this;
        }

        /**
         * @return the index description
         * @throws IllegalArgumentException when the name or schema is missing, neither a prefix nor
         *         {@link #allKeys()} was given (or both were), the schema has no field or two of
         *         one name, an option names a field that is not in the schema or does not fit its
         *         attribute (TEXT or GEO on a field that is not Utf8, a field both TEXT and GEO, a
         *         TAG option on one that is not a TAG), a path is given for an index on hashes, or
         *         a field's type has no attribute type (see the table of {@link SearchIndex})
         */
        public SearchIndex build() {
            if (name == null) {
                throw new IllegalArgumentException("name is required");
            }
            if (schema == null) {
                throw new IllegalArgumentException("schema is required");
            }
            if (allKeys == !prefixes.isEmpty()) {
                throw new IllegalArgumentException(allKeys
                        ? "allKeys() and prefixes " + prefixes + " exclude each other; give one"
                        : "give the key prefixes the index covers (prefix(...)), or allKeys() for every key");
            }
            List<Field> fields = schema.getFields();
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("schema must have at least one field");
            }
            Set<String> names = new LinkedHashSet<>();
            for (Field field : fields) {
                if (field.getName() == null || field.getName().isEmpty()) {
                    throw new IllegalArgumentException("every schema field needs a name: it names the attribute");
                }
                if (!names.add(field.getName())) {
                    throw new IllegalArgumentException("schema has two fields named '" + field.getName()
                            + "'; attribute names must be unique");
                }
            }
            checkNamed(names, "text", text);
            checkNamed(names, "geo", geo);
            checkNamed(names, "sortable", sortable);
            checkNamed(names, "caseSensitive", caseSensitive);
            checkNamed(names, "separator", separators.keySet());
            checkNamed(names, "path", paths.keySet());
            if (target == Target.HASH && !paths.isEmpty()) {
                throw new IllegalArgumentException("path(...) is for JSON documents (on(Target.JSON)); an index on"
                        + " hashes reads the hash field of each attribute's name, but paths were given for "
                        + paths.keySet());
            }
            for (String field : text) {
                if (geo.contains(field)) {
                    throw new IllegalArgumentException("field '" + field + "' is named by both text() and geo(); an"
                            + " attribute has one type");
                }
            }
            List<IndexAttribute> attributes = new ArrayList<>(fields.size());
            for (Field field : fields) {
                String fieldName = field.getName();
                String type = IndexAttributes.type(field, target, text.contains(fieldName), geo.contains(fieldName));
                boolean cased = caseSensitive.contains(fieldName);
                String separator = separators.get(fieldName);
                if ((cased || separator != null) && !type.equals(IndexAttribute.TAG)) {
                    throw new IllegalArgumentException((cased ? "caseSensitive" : "separator") + "() names field '"
                            + fieldName + "', which is indexed as " + type + ", not TAG");
                }
                attributes.add(new IndexAttribute(IndexAttributes.identifier(field, target, paths.get(fieldName)),
                        fieldName, type, sortable.contains(fieldName), cased, separator));
            }
            return new SearchIndex(this, attributes);
        }

        private static void checkNamed(Set<String> names, String option, Set<String> named) {
            for (String field : named) {
                if (!names.contains(field)) {
                    throw new IllegalArgumentException(option + "() names field '" + field + "', which is not in the"
                            + " schema " + names);
                }
            }
        }
    }
}
