package io.redisarrow.arrow.internal.consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsciiNumbersUnitTests {

    static long parseLong(String text) {
        byte[] padded = ("#" + text + "#").getBytes(StandardCharsets.US_ASCII);
        return AsciiNumbers.parseLong(padded, 1, padded.length - 2);
    }

    static double parseDouble(String text) {
        byte[] padded = ("#" + text + "#").getBytes(StandardCharsets.US_ASCII);
        return AsciiNumbers.parseDouble(padded, 1, padded.length - 2);
    }

    @Test
    void parsesSignedLongsUpToTheExtremes() {
        assertThat(parseLong("0")).isZero();
        assertThat(parseLong("-0")).isZero();
        assertThat(parseLong("+42")).isEqualTo(42);
        assertThat(parseLong("-42")).isEqualTo(-42);
        assertThat(parseLong("007")).isEqualTo(7);
        assertThat(parseLong("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(parseLong("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-", "+", " 1", "1 ", "1.0", "1e3", "0x10", "9223372036854775808",
            "-9223372036854775809", "99999999999999999999", "12a", "--1" })
    void rejectsWhatIsNotALong(String text) {
        assertThatThrownBy(() -> parseLong(text)).isSameAs(ParseFailure.INSTANCE);
    }

    @Test
    void checksNarrowRanges() {
        byte[] bytes = "128".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> AsciiNumbers.parseLong(bytes, 0, 3, Byte.MIN_VALUE, Byte.MAX_VALUE))
                .isSameAs(ParseFailure.INSTANCE);
        assertThat(AsciiNumbers.parseLong("-128".getBytes(StandardCharsets.US_ASCII), 0, 4, -128, 127)).isEqualTo(-128);
    }

    @ParameterizedTest
    @ValueSource(strings = { "3.14", "-0.0", "0", "1e308", "1.7976931348623157E308", "4.9E-324", "1e-320", ".5", "5.",
            "1E5", "-2.25e-3", "123456789012345678901234567890", "0.1", "0.30000000000000004", "2.2250738585072014E-308",
            "9007199254740993", "1e22", "1e23", "+7", "00001.5000" })
    void parsesDoublesExactlyAsJavaDoes(String text) {
        assertThat(Double.doubleToRawLongBits(parseDouble(text)))
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Test
    void parsesRedisSpecialValues() {
        assertThat(parseDouble("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parseDouble("+INF")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parseDouble("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parseDouble("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parseDouble("nan")).isNaN();
        assertThat(parseDouble("NaN")).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-", ".", "e5", "1e", "1e+", "0x10", "1d", "1f", " 1", "1 ", "1,5", "1..2", "infinit",
            "nana", "1e5.5", "--1" })
    void rejectsWhatIsNotADecimal(String text) {
        assertThatThrownBy(() -> parseDouble(text)).isSameAs(ParseFailure.INSTANCE);
    }

    @Test
    void matchesJavaOnRandomDoublesInBothNotations() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            for (String text : new String[] { Double.toString(value), new BigDecimal(value).toPlainString(),
                    Double.toString(random.nextDouble() * 1000), String.format("%.2f", random.nextDouble() * 1e6) }) {
                assertThat(Double.doubleToRawLongBits(parseDouble(text))).as(text)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
            }
        }
    }
}
