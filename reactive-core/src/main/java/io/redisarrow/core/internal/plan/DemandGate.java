package io.redisarrow.core.internal.plan;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.function.Function;

/**
 * Holds back the first request to Redis until the subscriber has asked for data. Operators with
 * a prefetch (flatMapSequential, publishOn) request upstream as soon as they are subscribed;
 * without this gate a subscriber that never requests would still cause a SCAN and a round trip
 * of fetches.
 */
public final class DemandGate {

    private DemandGate() {
    }

    /**
     * @param body builds the publisher from a Mono that completes at the first downstream request
     * @param <T> element type
     * @return the gated publisher
     */
    public static <T> Flux<T> gate(Function<Mono<Void>, Flux<T>> body) {
        return Flux.defer(() -> {
            Sinks.Empty<Void> opened = Sinks.empty();
            return body.apply(opened.asMono()).doOnRequest(n -> opened.tryEmitEmpty());
        });
    }
}
