package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Writes Utf8 and Binary cells as their bytes, as they are (a Utf8 cell is already UTF-8): a bulk
 * string is copied from the vector's data buffer straight into the command buffer; the text view
 * goes through a scratch array that grows to the longest cell.
 */
final class VariableWidthEncoder extends VectorEncoder<BaseVariableWidthVector> {

    private byte[] scratch = new byte[64];

    VariableWidthEncoder(BaseVariableWidthVector vector) {
        super(vector);
    }

    @Override
    Text text(int row, Text text) {
        int start = vector.getStartOffset(row);
        int length = vector.getEndOffset(row) - start;
        if (length > scratch.length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        vector.getDataBuffer().getBytes(start, scratch, 0, length);
        return text.set(scratch, 0, length);
    }

    /**
     * Copies the cell from the vector's buffer straight into a heap {@code out}'s array (one copy,
     * no scratch array, nothing allocated); into other buffers through the scratch array.
     */
    @Override
    public void writeBulk(int row, ByteBuf out) {
        checkNotNull(row);
        int start = vector.getStartOffset(row);
        int length = vector.getEndOffset(row) - start;
        Resp.writeHeader(out, length);
        out.ensureWritable(length);
        int at = out.writerIndex();
        if (out.hasArray()) {
            vector.getDataBuffer().getBytes(start, out.array(), out.arrayOffset() + at, length);
            out.writerIndex(at + length);
        } else {
            Text cell = text(row, new Text());
            out.writeBytes(cell.bytes(), cell.offset(), cell.length());
        }
        Resp.writeEnd(out);
    }
}
