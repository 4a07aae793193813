package io.redisarrow.arrow;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** How a raw value appears in the message: what a person needs to find the bytes in Redis. */
class ValueConversionExceptionUnitTests {

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void printsPrintableAsciiAsIsAndEscapesQuotesAndBackslashes() {
        assertThat(ValueConversionException.quote("12 abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo("'12 abc'");
        assertThat(ValueConversionException.quote("it's a\\b".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("'it\\'s a\\\\b'");
    }

    @Test
    void printsTheValueOfEachByteThatIsNotValidUtf8() {
        assertThat(ValueConversionException.quote(bytes(0xc3, 0x28))).isEqualTo("'\\xc3('");
        assertThat(ValueConversionException.quote(bytes('a', 0xff, 0xfe, 'b'))).isEqualTo("'a\\xff\\xfeb'");
        assertThat(ValueConversionException.quote(bytes(0xfd))).isEqualTo("'\\xfd'");
        // overlong '/', an encoded surrogate, past U+10FFFF, a sequence cut short
        assertThat(ValueConversionException.quote(bytes(0xc0, 0xaf))).isEqualTo("'\\xc0\\xaf'");
        assertThat(ValueConversionException.quote(bytes(0xed, 0xa0, 0x80))).isEqualTo("'\\xed\\xa0\\x80'");
        assertThat(ValueConversionException.quote(bytes(0xf4, 0x90, 0x80, 0x80))).isEqualTo("'\\xf4\\x90\\x80\\x80'");
        assertThat(ValueConversionException.quote(bytes('x', 0xe2, 0x82))).isEqualTo("'x\\xe2\\x82'");
    }

    @Test
    void printsWellFormedUtf8AsTextAndControlCharactersAsBytes() {
        assertThat(ValueConversionException.quote("héllo 世界 🎉".getBytes(StandardCharsets.UTF_8))).isEqualTo("'héllo 世界 🎉'");
        assertThat(ValueConversionException.quote(bytes('a', '\n', 0, 0x7f, 0xc2, 0x85))).isEqualTo("'a\\x0a\\x00\\x7f\\xc2\\x85'");
    }

    @Test
    void cutsLongValuesAfter200BytesAndGivesTheirLength() {
        byte[] value = new byte[300];
        Arrays.fill(value, (byte) 'a');
        assertThat(ValueConversionException.quote(value)).isEqualTo("'" + "a".repeat(200) + "'... (300 bytes)");
        byte[] exactly = Arrays.copyOf(value, 200);
        assertThat(ValueConversionException.quote(exactly)).isEqualTo("'" + "a".repeat(200) + "'");
    }

    @Test
    void theMessageNamesKeyFieldValueAndType() {
        ValueConversionException e = new ValueConversionException("user:1".getBytes(StandardCharsets.UTF_8), "age",
                bytes('4', 0xc3, 0x28), "Int64", null);
        assertThat(e).hasMessage("cannot convert value '4\\xc3(' of field 'age' in key 'user:1' to Int64; fix the data, "
                + "change the schema, or use onParseError(ParseErrorPolicy.NULL)");
    }
}
