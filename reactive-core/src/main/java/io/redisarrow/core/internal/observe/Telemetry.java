package io.redisarrow.core.internal.observe;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session reports about its reads and writes: log lines through SLF4J always, and meters
 * when the application gave a Micrometer {@code MeterRegistry}. One per session, thread-safe; each
 * read on each node gets its own {@link ReadObserver} from {@link #read}.
 *
 * <p><b>Logging</b> (loggers {@value #READ_LOGGER} and {@value #WRITE_LOGGER}): INFO when a read
 * starts on a node (at its first round trip, batch or retry) and when it ends, with its rows,
 * batches, bytes, round trips and duration, and the error's class when it failed (the error itself
 * at DEBUG, since its message may name a key); DEBUG per batch; WARN per retry. No line holds a
 * value or a password.
 *
 * <p><b>Metrics</b> (with a registry; every meter tagged {@code operation} and {@code node}):
 * {@code redisarrow.rows}, {@code redisarrow.batches}, {@code redisarrow.bytes.read},
 * {@code redisarrow.retries} (counters), {@code redisarrow.errors} (counter, tag {@code exception}),
 * {@code redisarrow.round.trips} (timer, tag {@code outcome} = {@code ok} or {@code failed}),
 * {@code redisarrow.in.flight} and {@code redisarrow.reads.active} (gauges).
 *
 * <p>Micrometer is optional: without a registry no Micrometer class is loaded.
 */
public final class Telemetry {

    /** The logger of reads. */
    public static final String READ_LOGGER = "io.redisarrow.read";

    /** The logger of writes. */
    public static final String WRITE_LOGGER = "io.redisarrow.write";

    /** The logger of observers and meter registries that fail ({@link GuardedObserver}). */
    public static final String OBSERVE_LOGGER = "io.redisarrow.observe";

    private static final Logger READS = LoggerFactory.getLogger(READ_LOGGER);

    private static final Logger WRITES = LoggerFactory.getLogger(WRITE_LOGGER);

    private static final Logger OBSERVE = LoggerFactory.getLogger(OBSERVE_LOGGER);

    private final Meters meters;

    private Telemetry(Meters meters) {
        this.meters = meters;
    }

    /**
     * @param meterRegistry an {@code io.micrometer.core.instrument.MeterRegistry}, or null to log only
     * @return the telemetry of one session
     * @throws IllegalArgumentException when {@code meterRegistry} is not a {@code MeterRegistry}
     */
    public static Telemetry of(@Nullable Object meterRegistry) {
        return new Telemetry(meterRegistry == null ? Meters.NONE : micrometer(meterRegistry));
    }

    /**
     * Checks a value meant as a meter registry.
     *
     * @param meterRegistry an {@code io.micrometer.core.instrument.MeterRegistry}, or null
     * @return {@code meterRegistry}
     * @throws IllegalArgumentException when it is neither null nor a {@code MeterRegistry}
     */
    public static @Nullable Object requireMeterRegistry(@Nullable Object meterRegistry) {
        if (meterRegistry != null) {
            micrometer(meterRegistry);
        }
        return meterRegistry;
    }

    private static Meters micrometer(Object registry) {
        try {
            return MicrometerMeters.of(registry);
        } catch (NoClassDefFoundError missing) {
            throw new IllegalArgumentException("meterRegistry must be an io.micrometer.core.instrument.MeterRegistry,"
                    + " and Micrometer (io.micrometer:micrometer-core) is not on the class path; got "
                    + registry.getClass().getName(), missing);
        }
    }

    /** @return whether meters are recorded (a registry was given) */
    public boolean metered() {
        return meters != Meters.NONE;
    }

    /**
     * An observer of one read on one node. Its calls never throw.
     *
     * @param operation a short lower-case name of what is read, the {@code operation} tag:
     *        {@code hash}, {@code json}, {@code string}, {@code set}, {@code list}, {@code zset},
     *        {@code stream}, {@code search}, {@code aggregate}...
     * @param node {@code host:port}, the {@code node} tag
     * @param description what the log lines say the read is, such as {@code pattern 'user:*'}; may
     *        be empty; never a value or a password
     * @return the observer
     * @throws IllegalArgumentException when {@code operation} or {@code node} is empty
     */
    public ReadObserver read(String operation, String node, String description) {
        return observer(READS, operation, node, description);
    }

    /**
     * An observer of one write on one node, as {@link #read} (its rows are the items written).
     *
     * @param operation a short lower-case name, such as {@code write-hash}
     * @param node {@code host:port}
     * @param description what the log lines say the write is; may be empty
     * @return the observer
     * @throws IllegalArgumentException when {@code operation} or {@code node} is empty
     */
    public ReadObserver write(String operation, String node, String description) {
        return observer(WRITES, operation, node, description);
    }

    private ReadObserver observer(Logger log, String operation, String node, String description) {
        require(operation, "operation");
        require(node, "node");
        if (description == null) {
            throw new IllegalArgumentException("description must not be null");
        }
        String subject = operation + (description.isEmpty() ? "" : " " + description) + " on " + node;
        Meters.Node nodeMeters;
        try {
            nodeMeters = meters.node(operation, node);
        } catch (RuntimeException | LinkageError e) {
            OBSERVE.warn("the meters of {} could not be registered; the read records none: {}", subject, e.toString());
            nodeMeters = Meters.Node.NONE;
        }
        return GuardedObserver.of(new ObservedRead(log, subject, nodeMeters));
    }

    private static void require(@Nullable String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty; got " + (value == null ? "null" : "''"));
        }
    }

    /** @return the simple name of the exception's class (the full name for an anonymous class) */
    static String exceptionName(Throwable error) {
        String name = error.getClass().getSimpleName();
        return name.isEmpty() ? error.getClass().getName() : name;
    }

    @Override
    public String toString() {
        return "Telemetry{metered=" + metered() + '}';
    }
}
