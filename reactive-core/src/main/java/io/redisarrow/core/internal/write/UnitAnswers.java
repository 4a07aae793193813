package io.redisarrow.core.internal.write;

import io.redisarrow.core.WriteReply;
import io.redisarrow.core.internal.reply.PendingReplies;

/**
 * What every reader of write replies shares: a reply other than an error says whether its unit was
 * declined (a nil where {@link WriteReply#NIL_SKIPS}, a 0 where {@link WriteReply#ZERO_SKIPS}) or
 * written (anything else); only a unit's first reply decides. Subclasses say which unit is being
 * read and what to do with the answer, and read error replies themselves.
 */
abstract class UnitAnswers extends PendingReplies {

    /** @param expected the replies the round trip holds */
    UnitAnswers(int expected) {
        super(expected);
    }

    /** @return how the unit whose reply is being read answers */
    abstract WriteReply unitReply();

    /**
     * A reply of the unit being read arrived.
     *
     * @param declines whether it says the server declined the write
     */
    abstract void first(boolean declines);

    @Override
    public final void nil() {
        first(unitReply() == WriteReply.NIL_SKIPS);
    }

    @Override
    public final void integer(long value) {
        first(value == 0 && unitReply() == WriteReply.ZERO_SKIPS);
    }

    @Override
    public final void array(int size) {
        first(false);
    }

    @Override
    public final void bulk(byte[] data, int offset, int length) {
        first(false);
    }

    @Override
    public final void simple(byte[] data, int offset, int length) {
        first(false);
    }
}
