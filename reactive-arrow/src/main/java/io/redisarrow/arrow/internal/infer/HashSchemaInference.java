package io.redisarrow.arrow.internal.infer;

import io.redisarrow.core.SampledHash;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers a hash schema from sampled hashes: one field per field name seen, in order of first
 * appearance across the sample (the sample's key order, then each hash's field order); its type by
 * {@link ScalarTypes}; nullable when a sampled hash lacks it; the evidence in its metadata. Field
 * names that are not valid UTF-8 are left out (a schema names fields by text).
 */
public final class HashSchemaInference {

    private HashSchemaInference() {
    }

    /**
     * @param hashes the sample
     * @param allocator the allocator the scratch vectors' child allocator comes from; nothing is
     *        left in it afterwards
     * @return the schema
     */
    public static Schema infer(List<SampledHash> hashes, BufferAllocator allocator) {
        Map<ByteBuffer, Column> columns = new LinkedHashMap<>();
        try (ConsumerProbe probe = new ConsumerProbe(allocator)) {
            ValueClassifier classifier = new ValueClassifier(probe);
            for (SampledHash hash : hashes) {
                for (int i = 0; i < hash.size(); i++) {
                    ByteBuffer name = ByteBuffer.wrap(hash.field(i));
                    Column column = columns.get(name);
                    if (column == null) {
                        String text = utf8(hash.field(i));
                        if (text == null) {
                            continue;
                        }
                        column = new Column(text);
                        columns.put(name, column);
                    }
                    column.present++;
                    byte[] value = hash.value(i);
                    column.samples.add(classifier.hashValue(value), value);
                }
            }
            ScalarTypes types = new ScalarTypes(probe);
            List<Field> fields = new ArrayList<>(columns.size());
            for (Column column : columns.values()) {
                ArrowType type = types.decide(column.samples, ScalarTypes.Source.HASH);
                boolean nullable = column.present < hashes.size();
                fields.add(new Field(column.name, new FieldType(nullable, type, null,
                        FieldMetadata.of(hashes.size(), column.present, column.samples.kinds())), null));
            }
            return new Schema(fields);
        }
    }

    /** @return the name as text, or null when it is not valid UTF-8 */
    private static String utf8(byte[] name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(name)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** One hash field's evidence. */
    private static final class Column {

        final String name;

        final ValueSamples samples = new ValueSamples();

        long present;

        Column(String name) {
            this.name = name;
        }
    }
}
