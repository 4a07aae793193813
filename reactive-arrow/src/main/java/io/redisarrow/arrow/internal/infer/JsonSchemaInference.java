package io.redisarrow.arrow.internal.infer;

import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.SampledDocument;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Infers a JSON schema from sampled documents: one field per top-level member seen, in order of
 * first appearance across the sample, with nested Struct, List and Map types as
 * {@link JsonFields} decides; nullable when a sampled document lacks the member or holds null
 * there; the evidence in each field's metadata.
 */
public final class JsonSchemaInference {

    private JsonSchemaInference() {
    }

    /**
     * @param documents the sample
     * @param allocator the allocator the scratch vectors' child allocator comes from; nothing is
     *        left in it afterwards
     * @return the schema
     * @throws RedisArrowException when a reply is not JSON, or no sampled document has a top-level
     *         member (documents that are not JSON objects have none)
     */
    public static Schema infer(List<SampledDocument> documents, BufferAllocator allocator) {
        JsonPlace root = new JsonPlace();
        try (ConsumerProbe probe = new ConsumerProbe(allocator)) {
            JsonSampleReader reader = new JsonSampleReader(new ValueClassifier(probe));
            for (SampledDocument document : documents) {
                reader.read(document, root);
            }
            if (root.members().isEmpty()) {
                throw new RedisArrowException("none of the " + documents.size()
                        + " sampled JSON documents has a top-level member to make a field of"
                        + " (fields are the members of documents that are JSON objects)");
            }
            JsonFields fields = new JsonFields(new ScalarTypes(probe));
            List<Field> schema = new ArrayList<>(root.members().size());
            root.members().forEach((name, place) -> schema.add(fields.member(name, place, documents.size())));
            return new Schema(schema);
        }
    }
}
