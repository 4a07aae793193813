package io.redisarrow.arrow.internal.decode;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

/**
 * How a data type's raw values become its data columns: one byte string per row and column
 * ({@link FieldColumns}), or one JSON reply per row spread over the columns.
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
}
