package io.redisarrow.arrow.internal.infer;

import io.redisarrow.arrow.InferenceMetadata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evidence put on an inferred field (keys in {@link InferenceMetadata}).
 */
final class FieldMetadata {

    private FieldMetadata() {
    }

    /**
     * @param sampled how many values could have held the field
     * @param present how many held it
     * @param kinds the kinds seen
     * @return the three entries
     */
    static Map<String, String> of(long sampled, long present, KindCounts kinds) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(InferenceMetadata.SAMPLED, Long.toString(sampled));
        metadata.put(InferenceMetadata.PRESENT, Long.toString(present));
        metadata.put(InferenceMetadata.TYPES, kinds.describe());
        return metadata;
    }

    /**
     * @param kinds the kinds seen
     * @return the types entry alone, for a list's elements and a map's values
     */
    static Map<String, String> kindsOnly(KindCounts kinds) {
        return Map.of(InferenceMetadata.TYPES, kinds.describe());
    }
}
