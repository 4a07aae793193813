package io.redisarrow.arrow.internal.consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BooleansUnitTests {

    static boolean parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Booleans.parse(bytes, 0, bytes.length);
    }

    @ParameterizedTest
    @ValueSource(strings = { "true", "TRUE", "True", "1", "yes", "YES", "Yes", "t", "T", "y", "Y" })
    void acceptsTrue(String text) {
        assertThat(parse(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "false", "FALSE", "False", "0", "no", "NO", "No", "f", "F", "n", "N" })
    void acceptsFalse(String text) {
        assertThat(parse(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "2", "on", "off", "yes ", " no", "tru", "\u0011", "truee", "nope", "ja" })
    void rejectsEverythingElse(String text) {
        assertThatThrownBy(() -> parse(text)).isSameAs(ParseFailure.INSTANCE);
    }
}
