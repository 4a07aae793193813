package io.redisarrow.core;

import java.util.List;
import java.util.Objects;

/**
 * One sampled hash as {@code HGETALL} returned it: the key and its field-value pairs, in the
 * server's order, as raw bytes. The arrays are shared, not copied: do not modify them.
 */
public final class SampledHash {

    private final byte[] key;

    private final List<byte[]> fieldsAndValues;

    private SampledHash(byte[] key, List<byte[]> fieldsAndValues) {
        this.key = key;
        this.fieldsAndValues = fieldsAndValues;
    }

    /**
     * @param key the key
     * @param fieldsAndValues field, value, field, value, ... as {@code HGETALL} returns them
     * @return the sampled hash
     * @throws IllegalArgumentException when the list does not hold pairs
     */
    public static SampledHash of(byte[] key, List<byte[]> fieldsAndValues) {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(fieldsAndValues, "fieldsAndValues must not be null");
        if (fieldsAndValues.size() % 2 != 0) {
            throw new IllegalArgumentException("fieldsAndValues must hold field-value pairs");
        }
        return new SampledHash(key, List.copyOf(fieldsAndValues));
    }

    /** @return the key */
    public byte[] key() {
        return key;
    }

    /** @return the number of fields */
    public int size() {
        return fieldsAndValues.size() / 2;
    }

    /**
     * @param i a field number, {@code 0 <= i < size()}
     * @return its name
     */
    public byte[] field(int i) {
        return fieldsAndValues.get(2 * i);
    }

    /**
     * @param i a field number, {@code 0 <= i < size()}
     * @return its value
     */
    public byte[] value(int i) {
        return fieldsAndValues.get(2 * i + 1);
    }
}
