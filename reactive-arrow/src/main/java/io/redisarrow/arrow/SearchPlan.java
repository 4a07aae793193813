package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.decode.BatchLayout;
import io.redisarrow.arrow.internal.decode.FieldColumns;
import io.redisarrow.arrow.internal.decode.RawBatchDecoder;
import io.redisarrow.arrow.internal.decode.ValueColumns;
import io.redisarrow.arrow.internal.json.JsonTypes;
import io.redisarrow.arrow.internal.search.IndexSchemas;
import io.redisarrow.core.CursorQuery;
import io.redisarrow.core.HashValues;
import io.redisarrow.core.IndexInfo;
import io.redisarrow.core.JsonValues;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.RedisArrowException;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SearchQuery} made concrete once its index is known ({@code FT.INFO}): the schema (the
 * query's, or the index's), whether the documents are hashes or JSON, what to fetch per matched
 * key, and the columns of every batch.
 *
 * @param read the Redis side of the fetch
 * @param cursor the query whose cursor yields the keys
 * @param decoder the columns of every batch
 */
record SearchPlan(ReadRequest read, CursorQuery cursor, RawBatchDecoder decoder) {

    /**
     * @param query the search
     * @param index the index's description
     * @return the plan
     * @throws IllegalArgumentException when the query's columns do not fit the schema or the
     *         index's kind of documents
     */
    static SearchPlan of(SearchQuery query, IndexInfo index) {
        Schema schema = query.schema() != null ? query.schema() : IndexSchemas.of(index);
        if (schema.getFields().isEmpty()) {
            throw new IllegalArgumentException("index '" + query.index() + "' declares no attributes to read; "
                    + "give the search a schema");
        }
        List<String> projection = query.projection().orElse(null);
        ReadOptionsBuilder.checkColumns(schema, projection, query.rowIndexColumn().orElse(null),
                query.keyColumn().orElse(null), query.ttlColumn().orElse(null));
        List<Field> fields = new ArrayList<>();
        if (projection == null) {
            fields.addAll(schema.getFields());
        } else {
            for (String name : projection) {
                fields.add(schema.findField(name));
            }
        }
        List<String> columns = fields.stream().map(Field::getName).toList();
        ReadRequest read;
        ValueColumns values;
        if (index.onJson()) {
            if (!query.jsonFields().isEmpty()) {
                throw new IllegalArgumentException("json(...) is for hash fields holding JSON texts; index '"
                        + query.index() + "' covers JSON documents, which are decoded as JSON already");
            }
            for (Field field : fields) {
                JsonTypes.checkSupported(field);
            }
            Map<String, String> paths = paths(query, index, columns);
            JsonValues json = JsonReads.values(columns, paths, projection == null);
            read = query.read().withValues(json);
            values = JsonReads.columns(fields, json, projection == null && paths.isEmpty());
        } else {
            if (!query.paths().isEmpty()) {
                throw new IllegalArgumentException("path(...) is for JSON indexes; index '" + query.index()
                        + "' covers hashes, whose fields are read by name");
            }
            HashScan.checkFields(schema, new java.util.LinkedHashSet<>(schema.getFields().stream().map(Field::getName)
                    .toList()), query.jsonFields());
            read = query.read().withValues(HashValues.of(columns, projection != null));
            values = new FieldColumns(fields, query.jsonFields());
        }
        BatchLayout layout = new BatchLayout(query.rowIndexColumn().orElse(null), query.keyColumn().orElse(null),
                query.binaryKeys(), query.ttlColumn().orElse(null), fields, query.parseErrorPolicy());
        CursorQuery cursor = new CursorQuery(query.index(), query.arguments(), query.pageSize(), query.maxIdle(),
                query.timeout().orElse(java.time.Duration.ZERO));
        return new SearchPlan(read, cursor, new RawBatchDecoder(layout, values));
    }

    /**
     * Refuses an index that is still indexing the keys that existed when it was created: RediSearch
     * re-indexes each of them under a new internal id as its scan reaches it, and a cursor running
     * meanwhile misses some (measured on RediSearch 2.6: 1,995 of 2,000 documents, all of them
     * already counted in {@code num_docs}).
     *
     * @param info the index
     * @param whileIndexing whether the caller accepts that
     * @param address {@code host:port}, for the message
     * @throws RedisArrowException when the index is indexing and the caller does not accept it
     */
    static void checkIndexed(IndexInfo info, boolean whileIndexing, String address) {
        if (info.indexing() && !whileIndexing) {
            throw new RedisArrowException("index '" + info.name() + "' at " + address + " is still indexing the keys"
                    + " that existed when it was created, and a read now can miss documents (RediSearch re-indexes"
                    + " them under new ids as it goes); wait until indexInfo(\"" + info.name() + "\").indexing() is"
                    + " false, or set whileIndexing(true) to read what it holds now");
        }
    }

    /**
     * @return the JSONPath of each column that does not read the top-level member of its name: the
     *         query's path, else the identifier of the index attribute of the column's name
     */
    private static Map<String, String> paths(SearchQuery query, IndexInfo index, List<String> columns) {
        for (String column : query.paths().keySet()) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("path must name a column of the search; '" + column
                        + "' is not one of " + columns);
            }
        }
        Map<String, String> paths = new LinkedHashMap<>();
        for (String column : columns) {
            String path = query.paths().get(column);
            if (path == null) {
                path = index.attribute(column).map(IndexInfo.Attribute::identifier)
                        .filter(identifier -> identifier.startsWith("$")).orElse(null);
            }
            if (path != null && !path.equals(JsonReads.memberPath(column))) {
                paths.put(column, path);
            }
        }
        return paths;
    }
}
