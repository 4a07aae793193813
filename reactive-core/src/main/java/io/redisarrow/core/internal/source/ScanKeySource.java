package io.redisarrow.core.internal.source;

import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Keys from a SCAN cursor with MATCH, COUNT and (optionally) TYPE. Pages are requested on demand,
 * with one page of keys in reserve, so the next SCAN is on its way while the keys of the current
 * one are fetched; cancelling stops the loop. A scan can start from a saved cursor, and records
 * each page in a {@link ScanPositions} so a read can say where to restart.
 *
 * <p>SCAN's guarantee, which this source passes on: every key present for the whole scan is
 * returned at least once; a key can come twice only while Redis resizes its table mid-scan.
 * Duplicates within one SCAN reply are dropped here ({@link ScanPageOutput}); duplicates across
 * replies are not, since remembering every key would make memory grow with the keyspace.
 */
public final class ScanKeySource implements KeySource {

    private final ScanPages pages;

    private final byte[] pattern;

    private final long count;

    private final KeyTypeFilter type;

    private final byte[] start;

    private final ScanPositions positions;

    /**
     * A scan from the beginning.
     *
     * @param connection where SCAN is sent
     * @param address {@code host:port}, for messages
     * @param pattern the MATCH glob
     * @param count the COUNT hint
     * @param type the TYPE filter
     * @param timeout the longest one SCAN may take
     */
    public ScanKeySource(StatefulRedisConnection<byte[], byte[]> connection, String address, String pattern, long count,
            KeyTypeFilter type, Duration timeout) {
        this(connection, address, pattern, count, type, timeout, new ScanPositions("0"));
    }

    /**
     * A scan from where {@code positions} starts.
     *
     * @param connection where SCAN is sent
     * @param address {@code host:port}, for messages
     * @param pattern the MATCH glob
     * @param count the COUNT hint
     * @param type the TYPE filter
     * @param timeout the longest one SCAN may take
     * @param positions where to start, and where each page read is recorded
     */
    public ScanKeySource(StatefulRedisConnection<byte[], byte[]> connection, String address, String pattern, long count,
            KeyTypeFilter type, Duration timeout, ScanPositions positions) {
        this.pages = new ScanPages(connection, address, timeout);
        this.pattern = pattern.getBytes(StandardCharsets.UTF_8);
        this.count = count;
        this.type = type;
        this.positions = positions;
        this.start = positions.after(0).cursor().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Flux<byte[]> keys() {
        return page(start).expand(page -> page.finished() ? Mono.empty() : page(page.cursor()))
                .concatMapIterable(ScanPageOutput::keys, 2);
    }

    private Mono<ScanPageOutput> page(byte[] cursor) {
        return Mono.defer(() -> pages.page(cursor, pattern, count, type.current()))
                .doOnNext(page -> positions.page(cursor, page.keys().size(), page.cursor()));
    }
}
