package io.redisarrow.arrow.internal.encode;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;

import java.util.List;

/**
 * The rows of a batch as JSON objects: one member per column whose cell is not null, in column
 * order, under the name given for the column; each value as {@link JsonEncoders} writes it. Made
 * by {@link JsonEncoders#objects}; reuses its scratch space, so it belongs to one thread at a time.
 */
public final class JsonObjectEncoder {

    private final JsonNode[] columns;

    private final SerializableString[] names;

    private final JsonOutput output = new JsonOutput();

    private final Text text = new Text();

    /** Whether a null cell is written as {@code null} rather than left out. */
    private final boolean writeNulls;

    JsonObjectEncoder(List<JsonNode> columns, List<SerializableString> names, boolean writeNulls) {
        this.writeNulls = writeNulls;
        this.columns = columns.toArray(new JsonNode[0]);
        this.names = names.toArray(new SerializableString[0]);
    }

    /**
     * @param row a row of the batch
     * @return the row's object ({@code {}} when every cell is null), a view valid until the next call
     */
    public Text text(int row) {
        output.begin();
        JsonGenerator generator = output.generator();
        generator.writeStartObject();
        for (int i = 0; i < columns.length; i++) {
            if (!columns[i].isNull(row)) {
                generator.writeName(names[i]);
                columns[i].write(generator, row);
            } else if (writeNulls) {
                generator.writeName(names[i]);
                generator.writeNull();
            }
        }
        generator.writeEndObject();
        return output.end(text);
    }
}
