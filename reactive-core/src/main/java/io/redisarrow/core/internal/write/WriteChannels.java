package io.redisarrow.core.internal.write;

import io.redisarrow.core.WriteScript;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.observe.ReadObserver;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import io.redisarrow.core.internal.channel.Timeouts;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;

/**
 * The connections of one write to several nodes (the masters of a cluster): one per node, opened
 * at the first batch that goes there, with the write's scripts loaded on it ({@code SCRIPT LOAD})
 * before any batch is sent, and all closed when the write ends, including those still opening
 * then. Thread-safe.
 */
public final class WriteChannels {

    private final Set<WriteScript> scripts;

    private final Duration timeout;

    /** By {@code host:port}; guarded by {@code this}. */
    private final Map<String, CompletableFuture<RedisChannel>> channels = new HashMap<>();

    private final Function<String, ReadObserver> observers;

    private boolean closed;

    /**
     * @param scripts the scripts the write's batches call
     * @param timeout the longest {@code SCRIPT LOAD} may take
     * @param observers what the write on each node (by {@code host:port}) reports to: its round
     *        trips, its retries and its end; asked once per node
     */
    public WriteChannels(Set<WriteScript> scripts, Duration timeout, Function<String, ReadObserver> observers) {
        this.scripts = Set.copyOf(scripts);
        this.timeout = timeout;
        this.observers = observers;
    }

    /**
     * @param address a node's {@code host:port}
     * @return what the write on that node reports to
     */
    public ReadObserver observer(String address) {
        return observers.apply(address);
    }

    /**
     * @param endpoint a node
     * @return the write's connection to it, its scripts loaded; the same one at every call; empty
     *         once the write has ended. Fails when it cannot be opened or a script not loaded.
     */
    public Mono<RedisChannel> channel(RedisEndpoint endpoint) {
        CompletableFuture<RedisChannel> channel;
        boolean opening = false;
        synchronized (this) {
            if (closed) {
                return Mono.empty();
            }
            channel = channels.get(endpoint.address());
            if (channel == null) {
                channel = new CompletableFuture<>();
                channels.put(endpoint.address(), channel);
                opening = true;
            }
        }
        if (opening) {
            open(endpoint, channel);
        }
        return Mono.fromFuture(channel, true);
    }

    private void open(RedisEndpoint endpoint, CompletableFuture<RedisChannel> into) {
        endpoint.connect(observer(endpoint.address()))
                .flatMap(channel -> ScriptLoad.load(channel, scripts)
                        .timeout(timeout, Mono.error(() -> Timeouts.exception("SCRIPT LOAD", timeout)))
                        .thenReturn(channel)
                        .onErrorResume(e -> channel.close().then(Mono.error(e))))
                .subscribe(into::complete, into::completeExceptionally);
    }

    /**
     * Ends the write's connections: closes those open, and those still opening once they are. Later
     * calls of {@link #channel} give none. Idempotent.
     *
     * @return completes once the connections open now are closed
     */
    public Mono<Void> close() {
        List<CompletableFuture<RedisChannel>> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(channels.values());
            channels.clear();
        }
        return Flux.fromIterable(all).flatMap(channel -> {
            if (channel.isDone()) {
                return channel.isCompletedExceptionally() ? Mono.empty() : channel.join().close();
            }
            channel.thenAccept(open -> open.close().subscribe());
            return Mono.empty();
        }).then();
    }
}
