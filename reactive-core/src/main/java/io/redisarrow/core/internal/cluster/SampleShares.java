package io.redisarrow.core.internal.cluster;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a sample between masters in proportion to their key counts: each gets the whole part of
 * its proportional share, and the keys left over go one each to the masters with the largest
 * fractions (the largest remainder method; ties to the larger master, then the earlier one). The
 * shares add up to the sample size exactly, unless no master has a key; a master without keys
 * gets none.
 */
final class SampleShares {

    private SampleShares() {
    }

    /**
     * @param sizes the key count of each master, {@code >= 0}
     * @param total the keys to share out, {@code >= 0}
     * @return each master's share, in the order of {@code sizes}; all zero when every size is zero
     */
    static int[] of(long[] sizes, int total) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0; got " + total);
        }
        BigInteger sum = BigInteger.ZERO;
        for (long size : sizes) {
            if (size < 0) {
                throw new IllegalArgumentException("sizes must be >= 0; got " + Arrays.toString(sizes));
            }
            sum = sum.add(BigInteger.valueOf(size));
        }
        int[] shares = new int[sizes.length];
        if (sum.signum() == 0 || total == 0) {
            return shares;
        }
        BigInteger[] remainders = new BigInteger[sizes.length];
        int given = 0;
        for (int i = 0; i < sizes.length; i++) {
            BigInteger[] divided = BigInteger.valueOf(sizes[i]).multiply(BigInteger.valueOf(total)).divideAndRemainder(sum);
            shares[i] = divided[0].intValueExact();
            remainders[i] = divided[1];
            given += shares[i];
        }
        Integer[] order = IntStream.range(0, sizes.length).boxed().sorted(Comparator
                .<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.<Integer>comparingLong(i -> sizes[i]).reversed())
                .thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        for (int k = 0; given < total; k++) {
            int i = order[k % order.length];
            if (sizes[i] > 0) {
                shares[i]++;
                given++;
            }
        }
        return shares;
    }
}
