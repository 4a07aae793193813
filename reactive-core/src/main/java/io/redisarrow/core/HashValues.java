package io.redisarrow.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What to fetch from each hash: the fields that become columns, in column order, read either with
 * HGETALL (fields not listed are ignored) or, when projected, with HMGET of exactly these fields.
 * Immutable.
 */
public final class HashValues implements ValueRead {

    private final List<byte[]> fields;

    private final boolean projected;

    private HashValues(List<byte[]> fields, boolean projected) {
        this.fields = fields;
        this.projected = projected;
    }

    /**
     * @param fields the fields whose values become columns, in column order
     * @param projected {@code true}: HMGET of these fields only; {@code false}: HGETALL
     * @return the values to read
     */
    public static HashValues of(Collection<String> fields, boolean projected) {
        Objects.requireNonNull(fields, "fields must not be null");
        if (projected && fields.isEmpty()) {
            throw new IllegalArgumentException("fields must not be empty when projected");
        }
        List<byte[]> bytes = new ArrayList<>(fields.size());
        for (String field : fields) {
            bytes.add(Objects.requireNonNull(field, "fields must not contain null").getBytes(StandardCharsets.UTF_8));
        }
        return new HashValues(Collections.unmodifiableList(bytes), projected);
    }

    /** @return field names as UTF-8 bytes, in column order (do not modify the arrays) */
    public List<byte[]> fields() {
        return fields;
    }

    /** @return whether only {@link #fields()} are fetched (HMGET) rather than whole hashes (HGETALL) */
    public boolean projected() {
        return projected;
    }

    @Override
    public String keyType() {
        return "hash";
    }

    @Override
    public int columnCount() {
        return fields.size();
    }

    @Override
    public String toString() {
        return "HashValues{fields=" + fields.size() + ", projected=" + projected + '}';
    }
}
