package io.redisarrow.core.internal.source;

import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Picks a sample of the keys matching a pattern, spread over the keyspace rather than taken from
 * the first SCAN pages.
 *
 * <p>SCAN's cursor is a bucket index of the server's hash table (bits reversed), and Redis takes
 * any cursor value and continues from the bucket it names. So the sampler starts {@link #RUNS}
 * short SCAN runs ({@code MATCH pattern TYPE type}) at random cursors, each taking its share of
 * the sample (a quarter more, to make up for runs that overlap) from at most
 * {@link #MAX_PAGES_PER_RUN} pages. A run's first page asks for {@code COUNT 2 x share} (at least
 * {@link #MIN_COUNT}), and each further page for four times more, up to {@link #MAX_COUNT}, so a
 * dense keyspace costs one small page per run and a sparse one quickly reaches full pages. The
 * runs' keys are merged in turn (the first key of every run, then the second, ...) with
 * duplicates dropped, until the sample is full.
 *
 * <p>When the runs do not fill the sample (the keyspace is small or the pattern matches few of
 * its keys), the sampler falls back to a full SCAN from cursor 0 ({@code COUNT} {@link #MAX_COUNT})
 * with reservoir sampling: every matching key has the same chance, memory stays bounded by the
 * sample size, and when no more keys match than the sample size, every one of them is taken.
 *
 * <p>The random choices come from the {@link Random} given, so a seeded one makes the sample
 * repeatable on an unchanged server.
 */
public final class KeySampler {

    /** The number of SCAN runs started at random cursors (fewer when the sample is smaller). */
    public static final int RUNS = 32;

    /** The largest SCAN COUNT the sampler asks for. */
    public static final int MAX_COUNT = 1000;

    /** The smallest SCAN COUNT the sampler asks for. */
    public static final int MIN_COUNT = 10;

    /** The most SCAN pages one run reads. */
    public static final int MAX_PAGES_PER_RUN = 8;

    /** Runs in flight at once on the shared connection. */
    static final int CONCURRENT_RUNS = 4;

    private static final byte[] START = { '0' };

    private final ScanPages pages;

    private final Random random;

    /**
     * @param connection the shared connection SCAN is sent on
     * @param address {@code host:port}, for messages
     * @param timeout the longest one SCAN may take
     * @param random where the cursors and the reservoir's choices come from
     */
    public KeySampler(StatefulRedisConnection<byte[], byte[]> connection, String address, Duration timeout,
            Random random) {
        this.pages = new ScanPages(connection, address, timeout);
        this.random = random;
    }

    /**
     * @param pattern the MATCH glob
     * @param type the TYPE filter, such as {@code hash}
     * @param sampleSize the most keys to take, {@code >= 1}
     * @return distinct keys, at most {@code sampleSize}; fewer only when fewer match; empty when
     *         none does
     */
    public Mono<List<byte[]>> sample(String pattern, String type, int sampleSize) {
        if (sampleSize < 1) {
            throw new IllegalArgumentException("sampleSize must be >= 1");
        }
        byte[] match = pattern.getBytes(StandardCharsets.UTF_8);
        return Mono.defer(() -> {
            int runs = Math.min(RUNS, sampleSize);
            int share = (int) Math.min(Integer.MAX_VALUE, ((long) sampleSize * 5 / 4 + runs - 1) / runs);
            List<byte[]> cursors = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                cursors.add(Long.toUnsignedString(random.nextLong()).getBytes(StandardCharsets.US_ASCII));
            }
            return Flux.fromIterable(cursors)
                    .flatMapSequential(cursor -> run(cursor, match, type, share), CONCURRENT_RUNS)
                    .collectList()
                    .map(found -> interleave(found, sampleSize))
                    .flatMap(found -> found.size() >= sampleSize ? Mono.just(found)
                            : fullScan(match, type, sampleSize));
        });
    }

    /** One run: up to {@code share} keys from the pages after {@code cursor}. */
    private Mono<List<byte[]>> run(byte[] cursor, byte[] match, String type, int share) {
        long first = Math.max(MIN_COUNT, Math.min(MAX_COUNT, 2L * share));
        return pages.page(cursor, match, first, type).map(page -> new Step(page, first, 1))
                .expand(step -> step.page().finished() || step.number() >= MAX_PAGES_PER_RUN ? Mono.empty()
                        : pages.page(step.page().cursor(), match, step.nextCount(), type)
                                .map(page -> new Step(page, step.nextCount(), step.number() + 1)))
                .concatMapIterable(step -> step.page().keys(), 1)
                .take(share)
                .collectList();
    }

    /** Merges the runs' keys in turn, dropping duplicates, up to {@code size} keys. */
    private static List<byte[]> interleave(List<List<byte[]>> runs, int size) {
        Map<ByteBuffer, byte[]> distinct = new LinkedHashMap<>();
        int longest = runs.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest && distinct.size() < size; i++) {
            for (List<byte[]> run : runs) {
                if (i < run.size() && distinct.size() < size) {
                    distinct.putIfAbsent(ByteBuffer.wrap(run.get(i)), run.get(i));
                }
            }
        }
        return new ArrayList<>(distinct.values());
    }

    /** A full SCAN from cursor 0 into a reservoir of {@code size} keys. */
    private Mono<List<byte[]>> fullScan(byte[] match, String type, int size) {
        return Mono.defer(() -> {
            KeyReservoir reservoir = new KeyReservoir(size, random);
            return pages.page(START, match, MAX_COUNT, type)
                    .expand(page -> page.finished() ? Mono.empty() : pages.page(page.cursor(), match, MAX_COUNT, type))
                    .doOnNext(page -> page.keys().forEach(reservoir::offer))
                    .then(Mono.fromSupplier(reservoir::keys));
        });
    }

    /** A page of a run, with the COUNT it was asked with and its number within the run. */
    private record Step(ScanPageOutput page, long count, int number) {

        long nextCount() {
            return Math.min(MAX_COUNT, count * 4);
        }
    }
}
