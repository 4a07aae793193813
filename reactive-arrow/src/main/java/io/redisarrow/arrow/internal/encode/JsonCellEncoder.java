package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * The cells of one column as JSON texts: a Struct, List or Map cell as its object or array, a
 * scalar as the JSON value {@link JsonScalar} makes. A null cell has no text.
 */
final class JsonCellEncoder implements ValueEncoder {

    private final FieldVector vector;

    private final JsonNode node;

    private final JsonOutput output = new JsonOutput();

    private final Text text = new Text();

    JsonCellEncoder(FieldVector vector, JsonNode node) {
        this.vector = vector;
        this.node = node;
    }

    @Override
    public boolean isNull(int row) {
        return node.isNull(row);
    }

    @Override
    public void writeBulk(int row, ByteBuf out) {
        Text cell = text(row);
        Resp.writeBulk(out, cell.bytes(), cell.offset(), cell.length());
    }

    @Override
    public Text text(int row) {
        if (node.isNull(row)) {
            throw new IllegalArgumentException("row " + row + " of column '" + vector.getName()
                    + "' is null and has no text; check isNull(row) first");
        }
        output.begin();
        node.write(output.generator(), row);
        return output.end(text);
    }
}
