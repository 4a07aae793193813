package io.redisarrow.core.internal.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The reservoir behind the sampler's full-scan fallback, with no server. */
class KeyReservoirUnitTests {

    static byte[] key(int i) {
        return ("k" + i).getBytes(StandardCharsets.UTF_8);
    }

    static List<String> names(KeyReservoir reservoir) {
        return reservoir.keys().stream().map(k -> new String(k, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void keepsEveryKeyInOrderWhenNoMoreThanTheCapacityCome() {
        KeyReservoir reservoir = new KeyReservoir(5, new Random(1));
        for (int i = 0; i < 3; i++) {
            reservoir.offer(key(i));
        }
        assertThat(names(reservoir)).containsExactly("k0", "k1", "k2");
    }

    @Test
    void aKeyOfferedTwiceIsKeptOnce() {
        KeyReservoir reservoir = new KeyReservoir(5, new Random(1));
        reservoir.offer(key(1));
        reservoir.offer(key(2));
        reservoir.offer(key(1));
        assertThat(names(reservoir)).containsExactly("k1", "k2");
    }

    @Test
    void neverHoldsMoreThanTheCapacityAndNoDuplicates() {
        KeyReservoir reservoir = new KeyReservoir(10, new Random(2));
        for (int i = 0; i < 10_000; i++) {
            reservoir.offer(key(i % 3000));
        }
        assertThat(names(reservoir)).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void everyKeyHasTheSameChance() {
        Random random = new Random(3);
        int[] chosen = new int[100];
        int trials = 20_000;
        for (int t = 0; t < trials; t++) {
            KeyReservoir reservoir = new KeyReservoir(10, random);
            for (int i = 0; i < 100; i++) {
                reservoir.offer(key(i));
            }
            for (String name : names(reservoir)) {
                chosen[Integer.parseInt(name.substring(1))]++;
            }
        }
        // each key is expected in 10 % of the trials: 2,000 (standard deviation about 42)
        for (int count : chosen) {
            assertThat(count).isBetween(1800, 2200);
        }
    }
}
