package io.redisarrow.core;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.redisarrow.core.internal.channel.ConnectionCheck;
import io.redisarrow.core.internal.plan.Reads;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Redis side of redis-arrow: one Lettuce client with one shared connection (opened lazily at
 * the first subscription, used for SCAN and other commands), the event loops of the scans' own
 * fetch connections, and the read paths that produce {@link RawBatch}es. Thread-safe.
 *
 * <p>Connections speak RESP2 with byte-array keys and values. Round trips are bounded by the
 * command timeout of {@link ConnectionOptions}; Lettuce's per-command timers are off because one
 * batch is one round trip. While the shared connection is down (it reconnects in the background),
 * commands fail at once instead of queueing, so a scan ends with an error rather than waiting.
 */
public final class RedisSession implements AutoCloseable {

    /** Event-loop threads that read the replies of all scans' fetch connections. */
    private static final int FETCH_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final ConnectionOptions options;

    private final ClientResources resources;

    private final RedisClient client;

    private final Mono<StatefulRedisConnection<byte[], byte[]>> connection;

    private final EventLoopGroup fetchLoops;

    private final AtomicReference<StatefulRedisConnection<byte[], byte[]>> open = new AtomicReference<>();

    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisSession(ConnectionOptions options) {
        this.options = options;
        this.resources = DefaultClientResources.builder().build();
        this.client = RedisClient.create(resources);
        this.client.setOptions(ClientOptions.builder()
                .protocolVersion(ProtocolVersion.RESP2)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.builder().build())
                .socketOptions(SocketOptions.builder().connectTimeout(options.connectTimeout()).keepAlive(true).build())
                .build());
        this.fetchLoops = new MultiThreadIoEventLoopGroup(FETCH_THREADS,
                new DefaultThreadFactory("redis-arrow-fetch", true), NioIoHandler.newFactory());
        this.connection = Mono.defer(this::connect)
                .cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /**
     * Creates a session; no connection is made until one is needed.
     *
     * @param options where and how to connect
     * @return the session
     */
    public static RedisSession create(ConnectionOptions options) {
        return new RedisSession(options);
    }

    /** @return the options of this session */
    public ConnectionOptions options() {
        return options;
    }

    /**
     * The shared connection, opened at the first subscription. A failed attempt is not cached: the
     * next subscription tries again.
     *
     * <p><b>Errors:</b> {@link RedisConnectionException} naming {@code host:port} when the server
     * cannot be reached within the connect timeout or refuses the credentials;
     * {@link IllegalStateException} after {@link #close()}.
     *
     * @return the connection
     */
    public Mono<StatefulRedisConnection<byte[], byte[]>> connection() {
        return Mono.defer(() -> closed.get() ? Mono.error(new IllegalStateException("the session is closed"))
                : connection);
    }

    /**
     * Reads a keyspace as {@link RawBatch}es, one per pipelined round trip, in key order.
     *
     * <p><b>Ownership:</b> batches hold heap memory only and belong to the subscriber, who may
     * simply drop them. <b>Backpressure:</b> SCAN pages and round trips are sent on demand; at
     * most {@link ReadRequest#parallel()} round trips are in flight or held.
     * <b>Cancellation:</b> stops the SCAN loop; replies of round trips in flight are dropped.
     * <b>Errors:</b> connection failures, timeouts and error replies other than WRONGTYPE (keys
     * of another type are skipped).
     *
     * @param request what to read
     * @return the batches
     */
    public Flux<RawBatch> read(ReadRequest request) {
        return connection().flatMapMany(c -> Reads.read(c, options.redisUri(), options.connectTimeout(),
                fetchLoops, request, options.commandTimeout()));
    }

    private Mono<StatefulRedisConnection<byte[], byte[]>> connect() {
        RedisURI uri = options.redisUri();
        uri.setTimeout(options.commandTimeout());
        return Mono.fromCompletionStage(() -> client.connectAsync(ByteArrayCodec.INSTANCE, uri))
                .onErrorResume(failure -> diagnose(uri, failure).flatMap(Mono::error))
                .doOnNext(c -> {
                    open.set(c);
                    if (closed.get()) {
                        c.closeAsync();
                    }
                });
    }

    /**
     * Explains a failed connection. When the server was reached but the set-up failed and the URL
     * carries credentials, a plain handshake reads the server's own answer to AUTH, since a client
     * may see a rejected password only as a closed connection.
     */
    private Mono<Throwable> diagnose(RedisURI uri, Throwable failure) {
        if (uri.getCredentialsProvider() == null || reachedNothing(failure)) {
            return Mono.just(explain(failure));
        }
        return ConnectionCheck.check(uri, options.connectTimeout(), fetchLoops)
                .then(Mono.fromSupplier(() -> explain(failure)))
                .onErrorResume(rejected -> Mono.just(rejected.getMessage() != null
                        && rejected.getMessage().startsWith("Authentication failed") ? rejected : explain(failure)));
    }

    private static boolean reachedNothing(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Restates a failed connection attempt as what happened, at which {@code host:port}, and what to check. */
    private Throwable explain(Throwable failure) {
        String causes = causes(failure);
        String message;
        if (causes.contains("WRONGPASS") || causes.contains("NOAUTH") || causes.contains("invalid password")
                || causes.contains("invalid username-password")) {
            message = "Authentication failed at " + options.address() + ": check the user and password in the URL ("
                    + causes + ")";
        } else {
            message = "Unable to connect to " + options.address() + " within " + options.connectTimeout().toMillis()
                    + " ms: is Redis running there and reachable? (" + causes + ")";
        }
        return new RedisConnectionException(message, failure);
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null) {
                text.append(text.length() == 0 ? "" : "; ").append(t.getMessage());
            }
        }
        return text.toString();
    }

    /**
     * Closes the connection and the client. Batches already emitted stay valid (they hold heap
     * memory only). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        StatefulRedisConnection<byte[], byte[]> c = open.getAndSet(null);
        if (c != null) {
            c.close();
        }
        client.shutdown(0, 2, TimeUnit.SECONDS);
        fetchLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
