package io.redisarrow.benchmarks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.concurrent.TimeUnit;

/**
 * The library's meters of one {@code RedisArrow} (its {@code meterRegistry}), read between passes: the
 * transient failures retried ({@value #RETRIES}) and the round trips of the reads' own connections
 * ({@value #ROUND_TRIPS}), summed over every node and outcome.
 */
final class ReadMeters {

    /** The library's counter of retries. */
    static final String RETRIES = "redisarrow.retries";

    /** The library's timer of round trips. */
    static final String ROUND_TRIPS = "redisarrow.round.trips";

    private final MeterRegistry registry;

    /** A registry of its own. */
    ReadMeters() {
        this(new SimpleMeterRegistry());
    }

    /** @param registry the registry the library records in */
    ReadMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * What the meters held at one moment.
     *
     * @param retries retries so far
     * @param roundTrips round trips so far
     * @param roundTripSeconds their summed latency, in seconds
     */
    record Reading(long retries, long roundTrips, double roundTripSeconds) {

        /** @return what happened from {@code before} to this reading */
        Reading since(Reading before) {
            return new Reading(retries - before.retries, roundTrips - before.roundTrips,
                    roundTripSeconds - before.roundTripSeconds);
        }
    }

    /** @return the registry to give the library */
    MeterRegistry registry() {
        return registry;
    }

    /** @return the retries and round trips recorded so far, every node and outcome */
    Reading now() {
        double retries = 0;
        for (Counter counter : registry.find(RETRIES).counters()) {
            retries += counter.count();
        }
        long trips = 0;
        double seconds = 0;
        for (Timer timer : registry.find(ROUND_TRIPS).timers()) {
            trips += timer.count();
            seconds += timer.totalTime(TimeUnit.NANOSECONDS) / 1e9;
        }
        return new Reading(Math.round(retries), trips, seconds);
    }
}
