package io.redisarrow.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPrefixesUnitTests {

    @Test
    void prefixesStartWithTheRunIdAndAreRememberedPerThreadUntilDrained() throws InterruptedException {
        KeyPrefixes.drain();
        String first = KeyPrefixes.next("a");
        String second = KeyPrefixes.next("a");
        assertThat(first).matches(KeyPrefixes.RUN + ":t\\d+:a:").isNotEqualTo(second);
        assertThat(KeyPrefixes.RUN).matches("[0-9a-z]{6}");
        Thread other = new Thread(() -> KeyPrefixes.next("elsewhere"));
        other.start();
        other.join();
        assertThat(KeyPrefixes.drain()).containsExactly(first, second);
        assertThat(KeyPrefixes.drain()).isEmpty();
    }

    @Test
    void thePatternMatchesThePrefixLiterally() {
        assertThat(KeyPrefixes.pattern("r1:t2:name:")).isEqualTo("r1:t2:name:*");
        assertThat(KeyPrefixes.pattern("a*b?c[d]e\\f:")).isEqualTo("a\\*b\\?c\\[d\\]e\\\\f:*");
    }
}
