package io.redisarrow.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to fetch from each JSON document (keys of type {@code ReJSON-RL}): the JSONPaths of one
 * {@code JSON.GET key path...} per key, or, for one path and {@link #wholeBatch(boolean)}, of one
 * {@code JSON.MGET key... path} per batch. Each key's whole reply becomes the single value column of
 * its {@link RawBatch} row: {@code [doc]} for the one path {@code $}, {@code [match, ...]} for one
 * other path, and {@code {"path": [match, ...], ...}} for several. Immutable.
 */
public final class JsonValues implements ValueRead {

    /** The path of the whole document. */
    public static final String ROOT = "$";

    private final List<String> paths;

    private final List<byte[]> encoded;

    private final boolean wholeBatch;

    private JsonValues(List<String> paths, boolean wholeBatch) {
        if (wholeBatch && paths.size() != 1) {
            throw new IllegalArgumentException("JSON.MGET reads one path; got " + paths.size());
        }
        this.paths = paths;
        this.wholeBatch = wholeBatch;
        List<byte[]> bytes = new ArrayList<>(paths.size());
        for (String path : paths) {
            bytes.add(path.getBytes(StandardCharsets.UTF_8));
        }
        this.encoded = Collections.unmodifiableList(bytes);
    }

    /** @return a read of whole documents (the path {@code $}) */
    public static JsonValues documents() {
        return new JsonValues(List.of(ROOT), false);
    }

    /**
     * @param wholeBatch {@code true}: one {@code JSON.MGET key... path} per batch (reads of one path
     *        only; a batch that meets a key of another type is read again key by key);
     *        {@code false}: one {@code JSON.GET} per key
     * @return this read with that fetch
     */
    public JsonValues wholeBatch(boolean wholeBatch) {
        return wholeBatch == this.wholeBatch ? this : new JsonValues(paths, wholeBatch);
    }

    /** @return whether each batch is read with one JSON.MGET rather than a JSON.GET per key */
    public boolean wholeBatch() {
        return wholeBatch;
    }

    /**
     * @param paths the JSONPaths, each starting with {@code $}, distinct
     * @return a read of these paths
     */
    public static JsonValues paths(List<String> paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("paths must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (String path : paths) {
            Objects.requireNonNull(path, "paths must not contain null");
            if (!path.startsWith(ROOT)) {
                throw new IllegalArgumentException("paths must be JSONPaths starting with '$'; got '" + path + "'");
            }
            if (!seen.add(path)) {
                throw new IllegalArgumentException("paths must be distinct; '" + path + "' is given twice");
            }
        }
        return new JsonValues(List.copyOf(paths), false);
    }

    /** @return the paths each JSON.GET asks for, in order */
    public List<String> paths() {
        return paths;
    }

    /** @return the paths as UTF-8 bytes (do not modify the arrays) */
    public List<byte[]> encodedPaths() {
        return encoded;
    }

    @Override
    public String keyType() {
        return "ReJSON-RL";
    }

    @Override
    public int columnCount() {
        return 1;
    }

    @Override
    public String requiredCommand() {
        return "JSON.GET";
    }

    @Override
    public String toString() {
        return "JsonValues{paths=" + paths + ", wholeBatch=" + wholeBatch + '}';
    }
}
