package io.redisarrow.arrow.internal.infer;

import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.util.List;
import java.util.Optional;

import static io.redisarrow.arrow.internal.infer.ValueKind.BINARY;
import static io.redisarrow.arrow.internal.infer.ValueKind.BOOLEAN;
import static io.redisarrow.arrow.internal.infer.ValueKind.DATE;
import static io.redisarrow.arrow.internal.infer.ValueKind.FLOAT;
import static io.redisarrow.arrow.internal.infer.ValueKind.INTEGER;
import static io.redisarrow.arrow.internal.infer.ValueKind.NULL;
import static io.redisarrow.arrow.internal.infer.ValueKind.STRING;
import static io.redisarrow.arrow.internal.infer.ValueKind.TIMESTAMP;

/**
 * The type rules for scalar values: the first type, in a fixed order, whose consumer parses every
 * sampled value (asked through a {@link ConsumerProbe}, so a scan with the type never fails on the
 * sample). In order: Int64 (integers only); Float64 (numbers with a fraction or exponent, none of
 * which loses digits in a double); Decimal(p, s) (exact, p &lt;= 38); Bool (hash values may mix
 * {@code 0/1} with words, but integers alone stay Int64); Date(DAY) (dates alone); Timestamp (dates
 * and date-times: the unit the fractions need, zone {@code UTC} when any value carries an offset);
 * then Utf8, or Binary for a hash field with a value that is not UTF-8.
 *
 * <p>JSON adds one rule: values of different JSON types at one place (a number and a boolean, a
 * number and a string, ...) are Utf8, and a JSON string is never a number or a boolean.
 */
final class ScalarTypes {

    /** Where the values come from. */
    enum Source {
        /** Hash values: byte strings that may hold anything. */
        HASH,
        /** JSON scalars: the JSON type is known from the syntax. */
        JSON
    }

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    private final ConsumerProbe probe;

    ScalarTypes(ConsumerProbe probe) {
        this.probe = probe;
    }

    /**
     * @param samples the values of one place, with no object or array among them
     * @param source where they come from
     * @return the narrowest type that parses every value; Utf8 when there is none but nulls
     */
    ArrowType decide(ValueSamples samples, Source source) {
        KindCounts kinds = samples.kinds();
        if (kinds.count(BINARY) > 0) {
            return ArrowType.Binary.INSTANCE;
        }
        if (kinds.count(STRING) > 0 || kinds.nonNull() == 0) {
            return ValueClassifier.UTF8;
        }
        List<byte[]> values = samples.typedValues();
        if (!kinds.anyBut(INTEGER, NULL) && probe.acceptsAll(INT64, values)) {
            return INT64;
        }
        if (!kinds.anyBut(INTEGER, FLOAT, NULL)) {
            return number(kinds, values);
        }
        if (source == Source.HASH ? !kinds.anyBut(BOOLEAN, INTEGER, NULL) : !kinds.anyBut(BOOLEAN, NULL)) {
            return probe.acceptsAll(ValueClassifier.BOOL, values) ? ValueClassifier.BOOL : ValueClassifier.UTF8;
        }
        if (!kinds.anyBut(DATE, NULL) && probe.acceptsAll(ValueClassifier.DATE_DAY, values)) {
            return ValueClassifier.DATE_DAY;
        }
        if (!kinds.anyBut(DATE, TIMESTAMP, NULL)) {
            return timestamp(values).orElse(ValueClassifier.UTF8);
        }
        return ValueClassifier.UTF8;
    }

    /** Integers that are not all Int64, or numbers with fractions: Float64, else Decimal, else Utf8. */
    private ArrowType number(KindCounts kinds, List<byte[]> values) {
        if (kinds.count(FLOAT) > 0 && values.stream().allMatch(NumberShapes::exactInDouble)
                && probe.acceptsAll(ValueClassifier.FLOAT64, values)) {
            return ValueClassifier.FLOAT64;
        }
        Optional<ArrowType.Decimal> decimal = NumberShapes.decimal(values);
        if (decimal.isPresent() && probe.acceptsAll(decimal.get(), values)) {
            return decimal.get();
        }
        return ValueClassifier.UTF8;
    }

    /** The unit the fractions need (or a coarser one that parses), zone UTC when offsets occur. */
    private Optional<ArrowType> timestamp(List<byte[]> values) {
        String zone = TimestampShapes.anyOffset(values) ? "UTC" : null;
        TimeUnit finest = TimestampShapes.unit(values);
        for (TimeUnit unit : List.of(TimeUnit.NANOSECOND, TimeUnit.MICROSECOND, TimeUnit.MILLISECOND)) {
            if (unit.ordinal() > finest.ordinal()) {
                continue;
            }
            ArrowType type = new ArrowType.Timestamp(unit, zone);
            if (probe.acceptsAll(type, values)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
