package io.redisarrow.arrow;

/**
 * What a scan does with a value that does not parse as its column's Arrow type.
 */
public enum ParseErrorPolicy {

    /**
     * Stop the scan with a {@link ValueConversionException} naming key, field, value and type.
     * The default.
     */
    FAIL,

    /**
     * Write a null instead and count it in {@link RecordBatch#nulledValues()}.
     */
    NULL
}
