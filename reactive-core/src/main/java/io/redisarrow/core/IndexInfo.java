package io.redisarrow.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code FT.INFO} says about a RediSearch index: which keys it covers, its attributes, how
 * many documents it holds and how many cursors are open on it. Immutable.
 *
 * @param name the index name
 * @param keyType {@code HASH} or {@code JSON}
 * @param prefixes the key prefixes the index covers (empty: every key)
 * @param attributes the indexed attributes, in declaration order
 * @param documents {@code num_docs}
 * @param indexing whether the index is still indexing existing keys ({@code percent_indexed < 1})
 * @param openCursors cursors open on this index ({@code cursor_stats index_total})
 * @param indexingFailures documents the index could not index ({@code hash_indexing_failures})
 */
public record IndexInfo(String name, String keyType, List<String> prefixes, List<Attribute> attributes,
        long documents, boolean indexing, long openCursors, long indexingFailures) {

    /** Copies the lists. */
    public IndexInfo {
        prefixes = List.copyOf(prefixes);
        attributes = List.copyOf(attributes);
    }

    /** @return whether the index covers JSON documents rather than hashes */
    public boolean onJson() {
        return "JSON".equalsIgnoreCase(keyType);
    }

    /**
     * @param name an attribute name (its alias)
     * @return the attribute of that name
     */
    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /**
     * One indexed attribute.
     *
     * @param identifier the hash field or JSONPath it reads
     * @param name the attribute's name in queries ({@code AS} alias, else the identifier)
     * @param type {@code TEXT}, {@code TAG}, {@code NUMERIC}, {@code GEO} or {@code VECTOR}
     * @param sortable whether it was declared {@code SORTABLE}
     * @param options the other settings FT.INFO lists (flags map to an empty string), such as
     *        {@code SEPARATOR}, {@code WEIGHT}, {@code NOSTEM}, {@code CASESENSITIVE}
     */
    public record Attribute(String identifier, String name, String type, boolean sortable, Map<String, String> options) {

        /** Copies the options. */
        public Attribute {
            options = Map.copyOf(options);
        }
    }
}
