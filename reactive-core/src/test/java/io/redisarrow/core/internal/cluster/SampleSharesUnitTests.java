package io.redisarrow.core.internal.cluster;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleSharesUnitTests {

    @Test
    void sharesFollowTheKeyCounts() {
        assertThat(SampleShares.of(new long[] { 200, 100, 0 }, 30)).containsExactly(20, 10, 0);
        assertThat(SampleShares.of(new long[] { 100, 100, 100 }, 30)).containsExactly(10, 10, 10);
    }

    @Test
    void leftOverKeysGoToTheLargestRemaindersThenTheLargerMaster() {
        // exact shares 3.33.. each: one left over, ties broken towards the earlier master
        assertThat(SampleShares.of(new long[] { 1, 1, 1 }, 10)).containsExactly(4, 3, 3);
        // 7 x 5/9 = 3.89 and 7 x 4/9 = 3.11: the larger fraction wins
        assertThat(SampleShares.of(new long[] { 5, 4 }, 7)).containsExactly(4, 3);
        // equal fractions (1.5 each) and equal masters: the earlier one
        assertThat(SampleShares.of(new long[] { 3, 3 }, 3)).containsExactly(2, 1);
        // equal fractions (0.5 each), the larger master first
        assertThat(SampleShares.of(new long[] { 1, 3 }, 2)).containsExactly(0, 2);
        assertThat(SampleShares.of(new long[] { 1, 1, 2 }, 2)).containsExactly(1, 0, 1);
    }

    @Test
    void aSmallMasterMayGetNothingButAMasterWithoutKeysNeverGetsAny() {
        assertThat(SampleShares.of(new long[] { 1_000_000, 1, 0 }, 10)).containsExactly(10, 0, 0);
        assertThat(SampleShares.of(new long[] { 0, 5 }, 100)).containsExactly(0, 100);
    }

    @Test
    void noKeysOrNothingToShareGivesNoShares() {
        assertThat(SampleShares.of(new long[] { 0, 0 }, 10)).containsExactly(0, 0);
        assertThat(SampleShares.of(new long[] { 4, 5 }, 0)).containsExactly(0, 0);
        assertThat(SampleShares.of(new long[0], 10)).isEmpty();
    }

    @Test
    void hugeCountsDoNotOverflow() {
        assertThat(SampleShares.of(new long[] { Long.MAX_VALUE, Long.MAX_VALUE }, Integer.MAX_VALUE))
                .containsExactly(Integer.MAX_VALUE / 2 + 1, Integer.MAX_VALUE / 2);
    }

    @Test
    void sharesAlwaysAddUpToTheTotal() {
        Random random = new Random(7);
        for (int run = 0; run < 1000; run++) {
            long[] sizes = new long[1 + random.nextInt(8)];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(100_000);
            }
            int total = random.nextInt(5000);
            int[] shares = SampleShares.of(sizes, total);
            boolean anyKeys = Arrays.stream(sizes).anyMatch(size -> size > 0);
            assertThat(Arrays.stream(shares).sum()).as("%s of %s", total, Arrays.toString(sizes))
                    .isEqualTo(anyKeys ? total : 0);
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] == 0) {
                    assertThat(shares[i]).isZero();
                }
            }
        }
    }

    @Test
    void negativeArgumentsAreRejected() {
        assertThatThrownBy(() -> SampleShares.of(new long[] { 1 }, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("total");
        assertThatThrownBy(() -> SampleShares.of(new long[] { 1, -2 }, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sizes");
    }
}
