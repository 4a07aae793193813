package io.redisarrow.arrow.internal.write;

import io.netty.buffer.ByteBuf;
import io.redisarrow.arrow.internal.encode.Resp;
import io.redisarrow.arrow.internal.encode.Text;
import io.redisarrow.arrow.internal.encode.ValueEncoder;

/**
 * A sorted set's members: per row its score, then its member, as {@code ZADD} takes them. A row
 * with a member needs a score that is a number: a null or NaN score fails the batch.
 */
final class ScoredMembers implements Members {

    private final ValueEncoder members;

    private final ValueEncoder scores;

    private final String scoreColumn;

    ScoredMembers(ValueEncoder members, ValueEncoder scores, String scoreColumn) {
        this.members = members;
        this.scores = scores;
        this.scoreColumn = scoreColumn;
    }

    @Override
    public boolean isNull(int row) {
        return members.isNull(row);
    }

    @Override
    public int argsPerRow() {
        return 2;
    }

    @Override
    public void write(int row, ByteBuf out) {
        if (scores.isNull(row)) {
            throw new IllegalArgumentException("row " + row + " has a member but a null score in column '"
                    + scoreColumn + "'; every member needs a score (the batch was not written)");
        }
        Text score = scores.text(row);
        if (isNaN(score)) {
            throw new IllegalArgumentException("row " + row + " has score NaN in column '" + scoreColumn
                    + "'; a score must be a number (the batch was not written)");
        }
        Resp.writeBulk(out, score.bytes(), score.offset(), score.length());
        members.writeBulk(row, out);
    }

    private static boolean isNaN(Text text) {
        byte[] bytes = text.bytes();
        int at = text.offset();
        return text.length() == 3 && bytes[at] == 'n' && bytes[at + 1] == 'a' && bytes[at + 2] == 'n';
    }
}
