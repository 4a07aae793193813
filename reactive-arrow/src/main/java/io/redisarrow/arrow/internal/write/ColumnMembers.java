package io.redisarrow.arrow.internal.write;

import io.netty.buffer.ByteBuf;
import io.redisarrow.arrow.internal.encode.ValueEncoder;

/**
 * Members that are one column's cells (a set's members, a list's elements): one argument per row.
 */
final class ColumnMembers implements Members {

    private final ValueEncoder column;

    ColumnMembers(ValueEncoder column) {
        this.column = column;
    }

    @Override
    public boolean isNull(int row) {
        return column.isNull(row);
    }

    @Override
    public int argsPerRow() {
        return 1;
    }

    @Override
    public void write(int row, ByteBuf out) {
        column.writeBulk(row, out);
    }
}
