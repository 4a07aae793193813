package io.redisarrow.arrow.internal.decode;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

/**
 * How a data type's raw values become its data columns: one byte string per row and column
 * ({@link FieldColumns}), one JSON reply per row spread over the columns, or one list per run of
 * rows of one key ({@link ElementLists}).
 */
@FunctionalInterface
public interface ValueColumns {

    /**
     * Fills the data columns of one batch.
     *
     * @param raw the raw values
     * @param vectors the data columns' vectors, in column order, created but not allocated: the
     *        implementation allocates them for {@code raw.rowCount()} rows and sets their value counts
     * @param policy what a value that does not parse becomes
     * @return how many values were set null by {@link ParseErrorPolicy#NULL}
     * @throws ValueConversionException when a value does not parse under {@link ParseErrorPolicy#FAIL}
     */
    long decode(RawBatch raw, List<FieldVector> vectors, ParseErrorPolicy policy);

    /**
     * Which raw rows make each Arrow row: by default one raw row each. The row index, key and TTL
     * columns take the values of each Arrow row's first raw row.
     *
     * @param raw the raw values
     * @return the Arrow rows of the batch
     */
    default KeyRuns rows(RawBatch raw) {
        return KeyRuns.perRow(raw.rowCount());
    }

    /**
     * Fills the data columns of one batch whose Arrow rows are {@code rows}, which
     * {@link #rows(RawBatch)} answered for it; by default {@link #decode(RawBatch, List, ParseErrorPolicy)}.
     *
     * @param raw the raw values
     * @param rows the batch's Arrow rows
     * @param vectors the data columns' vectors, in column order, created but not allocated: the
     *        implementation allocates them for {@code rows.count()} rows and sets their value counts
     * @param policy what a value that does not parse becomes
     * @return how many values were set null by {@link ParseErrorPolicy#NULL}
     * @throws ValueConversionException when a value does not parse under {@link ParseErrorPolicy#FAIL}
     */
    default long decode(RawBatch raw, KeyRuns rows, List<FieldVector> vectors, ParseErrorPolicy policy) {
        return decode(raw, vectors, policy);
    }
}
