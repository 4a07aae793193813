package io.redisarrow.core;

import java.util.Objects;

/**
 * One sampled JSON document as {@code JSON.GET key $} returned it: the key, and the reply's bytes,
 * a JSON array that holds the document ({@code [doc]}). The arrays are shared, not copied: do not
 * modify them.
 */
public final class SampledDocument {

    private final byte[] key;

    private final byte[] json;

    private SampledDocument(byte[] key, byte[] json) {
        this.key = key;
        this.json = json;
    }

    /**
     * @param key the key
     * @param json the reply of {@code JSON.GET key $}, such as {@code [{"a":1}]}
     * @return the sampled document
     */
    public static SampledDocument of(byte[] key, byte[] json) {
        return new SampledDocument(Objects.requireNonNull(key, "key must not be null"),
                Objects.requireNonNull(json, "json must not be null"));
    }

    /** @return the key */
    public byte[] key() {
        return key;
    }

    /** @return the UTF-8 bytes of {@code [doc]} */
    public byte[] json() {
        return json;
    }
}
