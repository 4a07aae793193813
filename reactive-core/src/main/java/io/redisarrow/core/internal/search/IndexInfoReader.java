package io.redisarrow.core.internal.search;

import io.redisarrow.core.IndexInfo;
import io.redisarrow.core.RedisArrowException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@code FT.INFO} reply (RESP2: a flat list of names and values, nested lists for the
 * definition, the attributes and the statistics) into an {@link IndexInfo}. A reply without
 * {@code attributes} comes from RediSearch 1.x, which is too old: it cannot index keys by prefix.
 */
final class IndexInfoReader {

    /** Attribute settings that stand alone, without a value. */
    private static final Set<String> FLAGS = Set.of("SORTABLE", "UNF", "NOSTEM", "NOINDEX", "CASESENSITIVE",
            "WITHSUFFIXTRIE", "INDEXEMPTY", "INDEXMISSING");

    private IndexInfoReader() {
    }

    /**
     * @param index the index asked for
     * @param reply the reply
     * @param address {@code host:port}, for messages
     * @return the index's description
     * @throws RedisArrowException when the reply is RediSearch 1.x's
     */
    static IndexInfo read(String index, List<Object> reply, String address) {
        Map<String, Object> top = pairs(reply);
        if (!top.containsKey("attributes")) {
            throw SearchErrors.tooOld(address);
        }
        Map<String, Object> definition = top.get("index_definition") instanceof List<?> d ? pairs(d) : Map.of();
        List<String> prefixes = new ArrayList<>();
        if (definition.get("prefixes") instanceof List<?> list) {
            for (Object prefix : list) {
                String p = text(prefix);
                if (!p.isEmpty()) {
                    prefixes.add(p);
                }
            }
        }
        List<IndexInfo.Attribute> attributes = new ArrayList<>();
        if (top.get("attributes") instanceof List<?> list) {
            for (Object attribute : list) {
                if (attribute instanceof List<?> settings) {
                    attributes.add(attribute(settings));
                }
            }
        }
        Map<String, Object> cursors = top.get("cursor_stats") instanceof List<?> c ? pairs(c) : Map.of();
        String name = top.containsKey("index_name") ? text(top.get("index_name")) : index;
        boolean indexing = number(top.get("indexing")) != 0
                || top.containsKey("percent_indexed") && number(top.get("percent_indexed")) < 1;
        return new IndexInfo(name, text(definition.getOrDefault("key_type", "HASH")), prefixes, attributes,
                (long) number(top.get("num_docs")), indexing, (long) number(cursors.get("index_total")),
                (long) number(top.get("hash_indexing_failures")));
    }

    private static IndexInfo.Attribute attribute(List<?> settings) {
        String identifier = null;
        String name = null;
        String type = null;
        boolean sortable = false;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < settings.size(); i++) {
            String key = text(settings.get(i));
            String upper = key.toUpperCase(Locale.ROOT);
            if (FLAGS.contains(upper)) {
                if (upper.equals("SORTABLE")) {
                    sortable = true;
                } else {
                    options.put(upper, "");
                }
                continue;
            }
            String value = i + 1 < settings.size() ? text(settings.get(++i)) : "";
            switch (key) {
                case "identifier" -> identifier = value;
                case "attribute" -> name = value;
                case "type" -> type = value.toUpperCase(Locale.ROOT);
                default -> options.put(upper, value);
            }
        }
        if (identifier == null) {
            identifier = name;
        }
        if (name == null) {
            name = identifier;
        }
        return new IndexInfo.Attribute(String.valueOf(identifier), String.valueOf(name), String.valueOf(type), sortable,
                options);
    }

    private static Map<String, Object> pairs(List<?> list) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < list.size(); i += 2) {
            map.put(text(list.get(i)), list.get(i + 1));
        }
        return map;
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? "" : value.toString();
    }

    /** @return a number FT.INFO gives as an integer or as text ({@code "1"}, {@code "0.5"}); 0 when absent */
    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        String text = text(value).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
