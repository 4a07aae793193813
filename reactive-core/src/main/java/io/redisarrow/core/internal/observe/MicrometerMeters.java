package io.redisarrow.core.internal.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The session's meters in a Micrometer registry. The only class that refers to Micrometer: it is
 * loaded only when the application gives a registry, so the library runs without Micrometer on the
 * class path. The meters are documented in {@code docs/operations.md}.
 *
 * <p>The gauges' values are kept per registry, not per session: a registry holds one gauge per
 * name and tags, bound to the first value registered, so every session reporting to the same
 * registry adds to the same values.
 */
final class MicrometerMeters implements Meters {

    static final String ROWS = "redisarrow.rows";

    static final String BATCHES = "redisarrow.batches";

    static final String BYTES = "redisarrow.bytes.read";

    static final String ROUND_TRIPS = "redisarrow.round.trips";

    static final String IN_FLIGHT = "redisarrow.in.flight";

    static final String RETRIES = "redisarrow.retries";

    static final String ERRORS = "redisarrow.errors";

    static final String ACTIVE = "redisarrow.reads.active";

    /** The gauges' values of each registry; weak keys, and the values do not refer to the registry. */
    private static final Map<MeterRegistry, Map<Key, Levels>> LEVELS = Collections.synchronizedMap(new WeakHashMap<>());

    private final MeterRegistry registry;

    private final Map<Key, Levels> levels;

    private final Map<Key, NodeMeters> nodes = new ConcurrentHashMap<>();

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
        this.levels = LEVELS.computeIfAbsent(registry, r -> new ConcurrentHashMap<>());
    }

    /**
     * @param registry a {@code MeterRegistry}
     * @return meters recording to it
     * @throws IllegalArgumentException when it is something else
     */
    static Meters of(Object registry) {
        if (!(registry instanceof MeterRegistry meterRegistry)) {
            throw new IllegalArgumentException("meterRegistry must be an io.micrometer.core.instrument.MeterRegistry; got "
                    + registry.getClass().getName());
        }
        return new MicrometerMeters(meterRegistry);
    }

    @Override
    public Node node(String operation, String node) {
        return nodes.computeIfAbsent(new Key(operation, node), this::create);
    }

    private NodeMeters create(Key key) {
        Tags tags = Tags.of("operation", key.operation(), "node", key.node());
        Levels shared = levels.computeIfAbsent(key, k -> {
            Levels created = new Levels(new AtomicLong(), new AtomicLong());
            Gauge.builder(IN_FLIGHT, created.inFlight(), AtomicLong::get).tags(tags).strongReference(true)
                    .description("round trips written and not yet answered").register(registry);
            Gauge.builder(ACTIVE, created.active(), AtomicLong::get).tags(tags).strongReference(true)
                    .description("reads running").register(registry);
            return created;
        });
        return new NodeMeters(registry, tags, shared);
    }

    /** The tags of one node's meters. */
    private record Key(String operation, String node) {
    }

    /** The values behind the gauges of one node. */
    private record Levels(AtomicLong inFlight, AtomicLong active) {
    }

    /** The meters of one operation on one node. */
    private static final class NodeMeters implements Node {

        private final MeterRegistry registry;

        private final Tags tags;

        private final Counter rows;

        private final Counter batches;

        private final Counter bytes;

        private final Counter retries;

        private final Timer succeeded;

        private final Timer failed;

        private final AtomicLong inFlight;

        private final AtomicLong active;

        NodeMeters(MeterRegistry registry, Tags tags, Levels levels) {
            this.registry = registry;
            this.tags = tags;
            this.rows = Counter.builder(ROWS).tags(tags).description("rows read").register(registry);
            this.batches = Counter.builder(BATCHES).tags(tags).description("batches read").register(registry);
            this.bytes = Counter.builder(BYTES).tags(tags).baseUnit("bytes")
                    .description("bytes of the keys and values of the batches read").register(registry);
            this.retries = Counter.builder(RETRIES).tags(tags).description("transient failures retried")
                    .register(registry);
            this.succeeded = roundTrips("ok");
            this.failed = roundTrips("failed");
            this.inFlight = levels.inFlight();
            this.active = levels.active();
        }

        private Timer roundTrips(String outcome) {
            return Timer.builder(ROUND_TRIPS).tags(tags).tag("outcome", outcome)
                    .description("pipelined round trips, from the write to the last reply").register(registry);
        }

        @Override
        public void started() {
            active.incrementAndGet();
        }

        @Override
        public void roundTripSent() {
            inFlight.incrementAndGet();
        }

        @Override
        public void roundTripDone(long nanos, boolean failed) {
            inFlight.decrementAndGet();
            (failed ? this.failed : succeeded).record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void batch(int rows, long bytes) {
            this.batches.increment();
            this.rows.increment(rows);
            this.bytes.increment(bytes);
        }

        @Override
        public void retry() {
            retries.increment();
        }

        @Override
        public void ended(@Nullable Throwable error) {
            active.decrementAndGet();
            if (error != null) {
                Counter.builder(ERRORS).tags(tags).tag("exception", Telemetry.exceptionName(error))
                        .description("reads that failed, by exception").register(registry).increment();
            }
        }
    }
}
