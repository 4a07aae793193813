package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.decode.ValueColumns;
import io.redisarrow.arrow.internal.json.JsonTypes;
import io.redisarrow.core.JsonValues;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.TypeFilter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link RedisArrow#scanJson(JsonScan)} reads: which keys (SCAN MATCH and COUNT, JSON
 * documents only: type {@code ReJSON-RL}), which values become columns and their Arrow types (the
 * schema), how the read is batched and parallelised, and which extra columns each batch carries.
 * Immutable; build it with {@link #builder()}. The options shared with {@link HashScan} have the
 * same defaults ({@link HashScan#DEFAULT_BATCH_SIZE} and the others).
 *
 * <p>A schema field reads the top-level member of its name; {@link Builder#path(String, String)}
 * makes it read the value at a JSONPath instead. Without paths or a projection each key is read
 * with {@code JSON.GET key $} (the whole document, decoded in one pass); with them, with
 * {@code JSON.GET key path...}, one path per column (a top-level member {@code m} as {@code $.m},
 * or {@code $["m"]} when its name is not a plain identifier), so only those values cross the
 * network. Each batch is one pipelined round trip; {@link Builder#mget(boolean) mget(true)} reads
 * a scan of one path with one {@code JSON.MGET key... path} per batch instead.
 *
 * <p>Column order in every batch: row index (if asked), key (unless {@link Builder#noKeyColumn()}),
 * TTL (if asked), then the data fields in schema order, or in projection order with
 * {@link Builder#project(String...)}.
 */
public final class JsonScan extends KeyScan {

    /**
     * Default of {@link Builder#typeFilter(TypeFilter)}: SCAN starts without
     * {@code TYPE ReJSON-RL} and asks for it from the first key of another type on.
     */
    public static final TypeFilter DEFAULT_TYPE_FILTER = TypeFilter.AUTO;

    /**
     * Default of {@link Builder#mget(boolean)}: one pipelined {@code JSON.GET} per key. The
     * benchmark's JSON table ({@code docs/performance.md}) reads whole documents both ways; across
     * runs neither was faster by more than the run-to-run spread, so the default is the one that is
     * kinder to the server: a {@code JSON.MGET} of a whole batch is one command, which holds Redis
     * from its other clients until thousands of documents are serialized, and which fails for the
     * whole batch on one key of another type.
     */
    public static final boolean DEFAULT_MGET = false;

    private final Map<String, String> paths;

    private final JsonValues values;

    private JsonScan(Builder b, ReadRequest read, JsonValues values) {
        super(b, read);
        this.paths = Collections.unmodifiableMap(new LinkedHashMap<>(b.paths));
        this.values = values;
    }

    /** @return a builder with the defaults of {@link HashScan}; {@link Builder#schema(Schema)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the JSONPath of each column that reads one, by column name */
    public Map<String, String> paths() {
        return paths;
    }

    /** @return the paths each {@code JSON.GET} asks for: {@code $} alone, or one per column */
    public List<String> requestedPaths() {
        return values.paths();
    }

    /** @return whether each batch is read with one JSON.MGET (see {@link Builder#mget(boolean)}) */
    public boolean mget() {
        return values.wholeBatch();
    }

    /** @return how each key's reply becomes the data columns */
    ValueColumns values() {
        return JsonReads.columns(dataFields(), values, projection().isEmpty() && paths.isEmpty());
    }

    @Override
    public String toString() {
        return "JsonScan{" + commonOptions() + ", paths=" + paths + ", mget=" + values.wholeBatch() + '}';
    }

    /** Builder of {@link JsonScan}; setters validate eagerly, {@link #build()} checks the whole. */
    public static final class Builder extends KeyScanBuilder<Builder> {

        private final Map<String, String> paths = new LinkedHashMap<>();

        private boolean mget = DEFAULT_MGET;

        private Builder() {
        }

        /**
         * Whether a scan that reads one path (whole documents, or one column) reads each batch with
         * one {@code JSON.MGET key... path} rather than one {@code JSON.GET} per key. JSON.MGET fails
         * for the whole batch when one key is of another type; that batch is then read again key
         * by key, so no document is lost. A scan of several paths always reads key by key.
         *
         * @param mget whether to read batches of one path with JSON.MGET; see {@link #DEFAULT_MGET}
         * @return this builder
         */
        public Builder mget(boolean mget) {
            this.mget = mget;
            return this;
        }

        /**
         * Makes a column read the value at a JSONPath rather than the top-level member of its
         * name. A path that selects one value (only {@code .name}, {@code ["name"]} and
         * {@code [n]} steps) gives that value, or null when the document has none. A path that can
         * select several ({@code *}, {@code ..}, filters, slices) fills a List column with every
         * match; for any other column it gives the one match, null for none, and fails the scan
         * naming the path when it matches more.
         *
         * @param column a schema field
         * @param jsonPath a JSONPath starting with {@code $}, such as {@code $.address.city}
         * @return this builder
         */
        public Builder path(String column, String jsonPath) {
            paths.put(column, JsonReads.checkPath(column, jsonPath));
            return this;
        }

        /**
         * @return the scan
         * @throws IllegalArgumentException when the schema is missing, a projected or path column is
         *         not in it, two columns read the same path, column names collide, or a field's type
         *         cannot be decoded from JSON
         */
        public JsonScan build() {
            Set<String> names = fieldNames();
            for (String column : paths.keySet()) {
                if (!names.contains(column)) {
                    throw new IllegalArgumentException("path must name schema fields; '" + column
                            + "' is not one of " + names);
                }
            }
            for (Field field : schema.getFields()) {
                JsonTypes.checkSupported(field);
            }
            JsonValues values = JsonReads.values(columnNames(), paths, projection == null);
            if (mget && values.paths().size() == 1) {
                values = values.wholeBatch(true);
            }
            return new JsonScan(this, readRequest(values), values);
        }
    }
}
