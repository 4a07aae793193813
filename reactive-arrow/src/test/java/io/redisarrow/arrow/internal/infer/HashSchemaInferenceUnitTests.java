package io.redisarrow.arrow.internal.infer;

import io.redisarrow.arrow.InferenceMetadata;
import io.redisarrow.core.SampledHash;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash type rules, with no server: each case is the narrowest type that the scans' own
 * consumers parse every sampled value with, in the documented order.
 */
class HashSchemaInferenceUnitTests {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator(Long.MAX_VALUE);
    }

    @AfterEach
    void close() {
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        allocator.close();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** @param fieldsAndValues "field", "value", ... of one hash */
    static SampledHash hash(String... fieldsAndValues) {
        List<byte[]> parts = new ArrayList<>();
        for (String part : fieldsAndValues) {
            parts.add(bytes(part));
        }
        return SampledHash.of(bytes("k"), parts);
    }

    Schema infer(SampledHash... hashes) {
        return HashSchemaInference.infer(Arrays.asList(hashes), allocator);
    }

    /** @return the type of field {@code x} of one hash per value */
    ArrowType typeOf(String... values) {
        SampledHash[] hashes = new SampledHash[values.length];
        for (int i = 0; i < values.length; i++) {
            hashes[i] = hash("x", values[i]);
        }
        return infer(hashes).findField("x").getType();
    }

    @Test
    void integersAreInt64() {
        assertThat(typeOf("1", "-2", "+3", "007", "9223372036854775807")).isEqualTo(INT64);
    }

    @Test
    void zerosAndOnesAreInt64NotBool() {
        assertThat(typeOf("0", "1", "1")).isEqualTo(INT64);
    }

    @Test
    void numbersWithFractionsOrExponentsAreFloat64() {
        assertThat(typeOf("1", "2.5", "1e3", ".5", "5.", "-inf", "NaN")).isEqualTo(FLOAT64);
    }

    @Test
    void aDoublesShortestDigitsStayFloat64() {
        assertThat(typeOf("0.1", "0.30000000000000004", "1.7976931348623157e308")).isEqualTo(FLOAT64);
    }

    @Test
    void digitsADoubleWouldLoseMakeADecimalOfTheWrittenScale() {
        assertThat(typeOf("12345678901234567.5", "1.25", "-3")).isEqualTo(new ArrowType.Decimal(19, 2, 128));
    }

    @Test
    void integersBeyondInt64AreDecimalWithScaleZero() {
        assertThat(typeOf("18446744073709551615", "1")).isEqualTo(new ArrowType.Decimal(20, 0, 128));
    }

    @Test
    void numbersBeyondThirtyEightDigitsOrOutOfDoubleRangeAreUtf8() {
        assertThat(typeOf("1234567890123456789012345678901234567890", "1")).isEqualTo(UTF8);
        assertThat(typeOf("1e400", "1.5")).isEqualTo(UTF8);
        assertThat(typeOf("1e-400", "1.5")).isEqualTo(UTF8);
    }

    @Test
    void booleanWordsAreBoolAndMayMixWithZerosAndOnes() {
        assertThat(typeOf("true", "FALSE", "yes", "n", "T")).isEqualTo(ArrowType.Bool.INSTANCE);
        assertThat(typeOf("true", "0", "1")).isEqualTo(ArrowType.Bool.INSTANCE);
        assertThat(typeOf("true", "2")).isEqualTo(UTF8);
    }

    @Test
    void datesAreDateDay() {
        assertThat(typeOf("2024-01-31", "2024-02-29", "1969-12-31")).isEqualTo(new ArrowType.Date(DateUnit.DAY));
    }

    @Test
    void anImpossibleDateIsText() {
        assertThat(typeOf("2024-01-31", "2023-02-29")).isEqualTo(UTF8);
    }

    @Test
    void dateTimesWithoutOffsetsAreMillisecondTimestampsWithoutZone() {
        assertThat(typeOf("2024-01-31T10:00:00", "2024-01-31 10:00:00.123", "2024-02-01", "2024-02-01T10:00"))
                .isEqualTo(new ArrowType.Timestamp(TimeUnit.MILLISECOND, null));
    }

    @Test
    void anOffsetMakesTheZoneUtc() {
        assertThat(typeOf("2024-01-31T10:00:00Z", "2024-01-31T10:00:00+02:00", "2024-01-31T10:00:00"))
                .isEqualTo(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"));
    }

    @Test
    void finerFractionsGetFinerUnits() {
        assertThat(typeOf("2024-01-31T10:00:00.123456", "2024-01-31T10:00:00.1"))
                .isEqualTo(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
        assertThat(typeOf("2024-01-31T10:00:00.123456789Z"))
                .isEqualTo(new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC"));
    }

    @Test
    void nanosecondsOutsideTheirRangeFallBackToMicroseconds() {
        assertThat(typeOf("2300-01-31T10:00:00.123456789"))
                .isEqualTo(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
    }

    @Test
    void integersMixedWithDateTimesAreText() {
        assertThat(typeOf("1700000000", "2024-01-31T10:00:00")).isEqualTo(UTF8);
    }

    @Test
    void anEmptyValueOrAWordMakesText() {
        assertThat(typeOf("1", "")).isEqualTo(UTF8);
        assertThat(typeOf("1.5", "n/a")).isEqualTo(UTF8);
        assertThat(typeOf("Zoë", "🙂")).isEqualTo(UTF8);
    }

    @Test
    void bytesThatAreNotUtf8MakeBinary() {
        SampledHash binary = SampledHash.of(bytes("k"), List.of(bytes("x"), new byte[] { (byte) 0xff, 0 }));
        assertThat(infer(hash("x", "text"), binary).findField("x").getType()).isEqualTo(ArrowType.Binary.INSTANCE);
    }

    @Test
    void fieldsComeInOrderOfFirstAppearanceAndAreNullableWhenSomeHashLacksThem() {
        Schema schema = infer(hash("a", "1", "b", "x"), hash("c", "2", "a", "3"));
        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("a", "b", "c");
        assertThat(schema.getFields()).extracting(Field::isNullable).containsExactly(false, true, true);
    }

    @Test
    void metadataHoldsTheEvidence() {
        Schema schema = infer(hash("a", "1"), hash("a", "x"), hash("a", "2"), hash("a", "3"), hash("b", "true"));
        assertThat(schema.findField("a").getMetadata()).isEqualTo(java.util.Map.of(InferenceMetadata.SAMPLED, "5",
                InferenceMetadata.PRESENT, "4", InferenceMetadata.TYPES, "integer:3,string:1"));
        assertThat(schema.findField("b").getMetadata()).containsEntry(InferenceMetadata.TYPES, "boolean:1")
                .containsEntry(InferenceMetadata.PRESENT, "1");
    }

    @Test
    void fieldNamesThatAreNotUtf8AreLeftOut() {
        SampledHash hash = SampledHash.of(bytes("k"), List.of(new byte[] { (byte) 0xc3 }, bytes("1"), bytes("ok"),
                bytes("2")));
        assertThat(infer(hash).getFields()).extracting(Field::getName).containsExactly("ok");
    }
}
