package io.redisarrow.core.internal.reply;

/**
 * What the replies of one round trip said about each row of its batch, read once the round trip
 * is complete: which rows to keep, which only EXISTS can settle, and the first error.
 */
public interface RowOutcomes {

    /** @return one flag per row: whether the key had a value */
    boolean[] keep();

    /** @return one flag per row: whether only EXISTS can tell whether the key is there */
    boolean[] unsure();

    /** @return the first error reply other than WRONGTYPE, or null */
    String error();

    /** @return the row of {@link #error()} */
    int errorRow();

    /** @return how many keys answered WRONGTYPE (keys of another type, skipped) */
    int otherTypes();
}
