package io.redisarrow.core;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a write runs: the round trips it keeps in flight, where it encodes, the scripts its batches
 * call and the module command it needs. Immutable.
 *
 * @param parallel the most batches encoded or in flight at once, {@code >= 1}; also the most
 *        input items requested ahead of the results
 * @param encodeOn where the encoder runs
 * @param scripts the scripts the batches call ({@code EVALSHA}), loaded before the first batch
 * @param requiredCommand a module command the write needs ({@code JSON.SET}), checked before the
 *        first batch, or null
 */
public record WriteRequest(int parallel, Scheduler encodeOn, Set<WriteScript> scripts,
        @Nullable String requiredCommand) {

    /** The most batches a write keeps in flight. */
    public static final int MAX_PARALLEL = 1024;

    /** Checks the arguments and copies the scripts. */
    public WriteRequest {
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new IllegalArgumentException("parallel must be in [1, " + MAX_PARALLEL + "]; got " + parallel);
        }
        Objects.requireNonNull(encodeOn, "encodeOn must not be null");
        scripts = scripts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scripts));
    }
}
