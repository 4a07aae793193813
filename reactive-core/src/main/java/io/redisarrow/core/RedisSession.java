package io.redisarrow.core;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ConnectionFuture;
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
import io.redisarrow.core.internal.channel.ClusterMode;
import io.redisarrow.core.internal.channel.ConnectionCheck;
import io.redisarrow.core.internal.channel.ConnectionErrors;
import io.redisarrow.core.internal.channel.ModuleCheck;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.cluster.ClusterConnections;
import io.redisarrow.core.internal.cluster.ClusterSampler;
import io.redisarrow.core.internal.cluster.ClusterScan;
import io.redisarrow.core.internal.cluster.ClusterWrites;
import io.redisarrow.core.internal.observe.ReadObserver;
import io.redisarrow.core.internal.observe.Telemetry;
import io.redisarrow.core.internal.plan.Reads;
import io.redisarrow.core.internal.plan.StandaloneTarget;
import org.jspecify.annotations.Nullable;
import io.redisarrow.core.internal.write.WritePipeline;
import org.reactivestreams.Publisher;
import io.redisarrow.core.internal.search.ClusterSearch;
import io.redisarrow.core.internal.search.IndexCommands;
import io.redisarrow.core.internal.search.SearchReads;
import io.redisarrow.core.internal.sample.SampleFetch;
import io.redisarrow.core.internal.source.KeySampler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * The Redis side of redis-arrow: one Lettuce client with one shared connection (opened lazily at
 * the first subscription, used for SCAN and other commands), the event loops and TLS context of the
 * reads' own fetch connections, and the read paths that produce {@link RawBatch}es. Thread-safe.
 *
 * <p>Connections speak RESP2 with byte-array keys and values. Opening a connection (TCP, TLS, the
 * AUTH/SELECT set-up and, for the shared one, the cluster-mode check) is bounded by the connect
 * timeout; round trips are bounded by the command timeout of {@link ConnectionOptions}; Lettuce's
 * per-command timers are off because one batch is one round trip. While the shared connection is
 * down (it reconnects in the background), commands fail at once instead of queueing, so a read
 * fails fast and its retry ({@link ConnectionOptions#retry()}) decides whether to wait and go on.
 *
 * <p>TLS ({@code rediss://}) checks the server the same way on both kinds of connection, as the
 * URL's {@code verifyPeer} says: {@code NONE} nothing, {@code CA} the certificate chain against
 * the JVM's trust store, {@code FULL} (the default) the chain and the host name.
 *
 * <p>Redis Cluster: when the URL's node runs in cluster mode, the session also holds Lettuce's
 * cluster client (made at the first read), which reads the topology and keeps one connection per
 * node; scans read every master (see {@link #read(ReadRequest)}).
 */
public final class RedisSession implements AutoCloseable {

    /** Event-loop threads that read the replies of all reads' fetch connections. */
    private static final int FETCH_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** The commands whose presence says that the server has the query engine, one per use. */
    private static final String SEARCH_INFO = "FT.INFO";

    private static final String SEARCH_CURSOR = "FT.AGGREGATE";

    private static final String SEARCH_CREATE = "FT.CREATE";

    private static final String SEARCH_DROP = "FT.DROPINDEX";

    private final ConnectionOptions options;

    private final ClientResources resources;

    private final RedisClient client;

    private final Mono<Shared> connection;

    private final EventLoopGroup fetchLoops;

    private final RedisEndpoint endpoint;

    private final AtomicReference<StatefulRedisConnection<byte[], byte[]>> open = new AtomicReference<>();

    private final AtomicBoolean closed = new AtomicBoolean();

    private final ModuleCheck modules = new ModuleCheck();

    private final ClusterSearch clusterSearch = new ClusterSearch();

    private final AtomicReference<ClusterConnections> clusterConnections = new AtomicReference<>();

    private final Telemetry telemetry;

    private RedisSession(ConnectionOptions options) {
        this.options = options;
        this.telemetry = Telemetry.of(options.meterRegistry());
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
        this.endpoint = new RedisEndpoint(options.redisUri(), options.connectTimeout(), fetchLoops);
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
     * @return what this session's reads and writes report: logs, and meters in the registry of
     *         {@link ConnectionOptions#meterRegistry()} when there is one
     */
    public Telemetry telemetry() {
        return telemetry;
    }

    /**
     * The shared connection, opened at the first subscription. A failed attempt is not cached: the
     * next subscription tries again.
     *
     * <p><b>Errors:</b> {@link RedisConnectionException} naming {@code host:port} when the server
     * cannot be reached, does not answer the set-up within the connect timeout, does not speak
     * RESP, refuses the credentials or has no such database; {@link IllegalStateException} after
     * {@link #close()}.
     *
     * @return the connection
     */
    public Mono<StatefulRedisConnection<byte[], byte[]>> connection() {
        return shared().map(Shared::connection);
    }

    /**
     * Reads a keyspace as {@link RawBatch}es, one per pipelined round trip, each node's in key order.
     *
     * <p><b>Ownership:</b> batches hold heap memory only and belong to the subscriber, who may
     * simply drop them. <b>Backpressure:</b> SCAN pages and round trips are sent on demand; at
     * most {@link ReadRequest#parallel()} round trips are in flight or held.
     * <b>Cancellation:</b> stops the SCAN loop and closes the read's channel; replies of round
     * trips in flight are dropped quietly (nothing reaches Reactor's dropped-error hook).
     * <b>Errors:</b> {@link RedisConnectionException} naming {@code host:port} when a connection
     * cannot be opened within the connect timeout (see {@link #connection()}) or is lost;
     * {@code RedisCommandTimeoutException} when a round trip exceeds the command timeout; error
     * replies other than WRONGTYPE (keys of another type are skipped); {@link RedisArrowException}
     * on a server that lacks the module the read needs ({@link ValueRead#requiredCommand()}), or
     * when a cluster slot is still migrating once the masters' scans end;
     * {@link IllegalStateException} after {@link #close()}. Transient failures are retried first, as
     * {@link ConnectionOptions#retry()} says.
     *
     * <p><b>Cluster, retries, resume:</b> on a Redis Cluster every master is scanned in parallel,
     * {@link ReadRequest#parallel()} round trips on each, and the batches merged; slots that moved
     * during the scan are read again at its end. Each batch carries its
     * {@link RawBatch#checkpoint()}; {@link ReadRequest#resumeFrom()} starts from one.
     *
     * @param request what to read
     * @return the batches
     */
    public Flux<RawBatch> read(ReadRequest request) {
        String command = request.values().requiredCommand();
        return shared().flatMapMany(shared -> (command == null ? Mono.<Void>empty()
                : modules.require(shared.connection(), command, options.address()))
                .thenMany(shared.cluster()
                        ? ClusterScan.read(cluster(), request, options.commandTimeout(), options.retry(),
                                options.readFromReplicas(), this::observer)
                        : Reads.scan(List.of(new Reads.Part(new StandaloneTarget(connection(), endpoint,
                                options.commandTimeout()), standaloneStart(request.resumeFrom()),
                                observer(endpoint.address(), request))),
                                request, options.commandTimeout(), options.retry(), () -> "", budget -> Flux.empty())));
    }

    /** @return what the read of one node reports to: its operation, node and pattern */
    private ReadObserver observer(String node, ReadRequest request) {
        String type = request.values().keyType();
        String operation = "ReJSON-RL".equals(type) ? "json" : type;
        return telemetry.read(operation, node, "pattern '" + request.pattern() + "'"
                + (request.resumeFrom() == null ? "" : " (resumed)"));
    }

    /** @return the checkpoint's position of a standalone server, if it has one */
    private static ScanCheckpoint.@Nullable Node standaloneStart(@Nullable ScanCheckpoint resumed) {
        if (resumed == null) {
            return null;
        }
        return resumed.nodes().stream().filter(node -> node.id().isEmpty()).findFirst().orElse(null);
    }

    /** @return the session's cluster connections, made at the first use */
    private ClusterConnections cluster() {
        ClusterConnections existing = clusterConnections.get();
        if (existing != null) {
            return existing;
        }
        ClusterConnections made = new ClusterConnections(resources, options.redisUri(), options.connectTimeout(),
                options.commandTimeout(), fetchLoops);
        if (clusterConnections.compareAndSet(null, made)) {
            if (closed.get()) {
                made.close();
            }
            return made;
        }
        made.close();
        return clusterConnections.get();
    }

    /**
     * Writes a stream of items, each encoded into one pipelined round trip on the write's own
     * connection, and reads what became of every key from the replies.
     *
     * <p>On a Redis Cluster, each item's keys are grouped by the master serving their hash slot
     * and each master's share goes out in one round trip on the write's own connection to it
     * (opened at the first item that needs it, with the write's scripts loaded, closed when the
     * write ends); the item still has one outcome. A key answered {@code MOVED} or {@code ASK} (its
     * slot moved or is migrating) is sent once more to the node named, after a topology refresh; a
     * key answered {@code TRYAGAIN}, {@code CLUSTERDOWN}, {@code MASTERDOWN} or {@code LOADING}, or
     * whose slot no master serves, is sent again after the backoff of
     * {@link ConnectionOptions#retry()}, as often as it allows. A key that still fails is a failure
     * in its outcome. Each key is one unit of one hash slot, so no command crosses slots. Batches
     * go out in input order, but a key sent again may be applied after a later batch's write of
     * the same key.
     *
     * <p><b>Ownership:</b> the write owns every item it receives and closes it exactly once
     * ({@link WriteEncoder#close}), right after encoding it, or on cancel or error if it was never
     * encoded; items the publisher never emits stay the caller's. <b>Backpressure:</b> no item is
     * requested before the subscriber requests an outcome, and at most
     * {@link WriteRequest#parallel()} items are requested ahead of the outcomes the subscriber
     * has taken; encoding runs on {@link WriteRequest#encodeOn()}, never on an I/O thread.
     * <b>Cancellation:</b> stops requesting input, closes the items held and the connection;
     * commands already sent may still be applied by the server.
     * <b>Errors:</b> what the encoder throws (the batch is not sent); a script the server will not
     * load; a missing module ({@link WriteRequest#requiredCommand()}); otherwise as
     * {@link #read(ReadRequest)}. Error replies are not errors of the stream: they are failures
     * in the outcome of their batch.
     *
     * @param input the items
     * @param encoder encodes and closes them
     * @param request parallelism, encoding scheduler, scripts and module
     * @param <T> the item type
     * @return one outcome per item, in input order
     */
    public <T> Flux<WriteOutcome> write(Publisher<T> input, WriteEncoder<T> encoder, WriteRequest request) {
        Objects.requireNonNull(input, "input must not be null");
        Objects.requireNonNull(encoder, "encoder must not be null");
        Objects.requireNonNull(request, "request must not be null");
        String command = request.requiredCommand();
        return shared().flatMapMany(shared -> (command == null ? Mono.<Void>empty()
                : modules.require(shared.connection(), command, options.address()))
                .thenMany(Flux.defer(() -> {
                    Map<String, ReadObserver> observers = new ConcurrentHashMap<>();
                    Function<String, ReadObserver> observer = node -> observers.computeIfAbsent(node,
                            address -> telemetry.write("write", address, ""));
                    Flux<WriteOutcome> outcomes = shared.cluster()
                            ? ClusterWrites.write(input, encoder, cluster(), request, options.commandTimeout(),
                                    options.retry(), observer)
                            : Flux.usingWhen(endpoint.connect(observer.apply(endpoint.address())),
                                    channel -> WritePipeline.write(input, encoder, channel, request,
                                            options.commandTimeout()),
                                    RedisChannel::close);
                    ReadObserver whole = observer.apply(shared.cluster() ? options.address() : endpoint.address());
                    return outcomes.doOnNext(outcome -> whole.batch((int) Math.min(Integer.MAX_VALUE, outcome.rows()), 0))
                            .doOnError(error -> observers.values().forEach(o -> o.ended(error)))
                            .doOnComplete(() -> observers.values().forEach(o -> o.ended(null)))
                            .doOnCancel(() -> observers.values().forEach(o -> o.ended(null)));
                })));
    }

    /**
     * Describes a RediSearch index ({@code FT.INFO}): the keys it covers, its attributes, its
     * documents and its open cursors.
     *
     * <p><b>Errors:</b> {@link RedisArrowException} when the server has no query engine (saying what
     * to load), runs RediSearch 1.x (too old), or has no such index. On a Redis Cluster
     * node whose query engine has no coordinator (which indexes each master's keys apart; see
     * {@link ClusterSearch}), a {@link RedisArrowException} before any {@code FT} command is sent; otherwise as
     * {@link #read(ReadRequest)}.
     *
     * @param index the index name
     * @return the description, read on subscription
     */
    public Mono<IndexInfo> indexInfo(String index) {
        Objects.requireNonNull(index, "index must not be null");
        return searchReads(SEARCH_INFO, false).flatMap(reads -> reads.info(index));
    }

    /**
     * Creates a RediSearch index ({@code FT.CREATE}). The server then indexes the keys already
     * under the index's prefixes in the background ({@link IndexInfo#indexing()} says when it is
     * done), and keys written later as they are written.
     *
     * <p><b>Errors:</b> {@link RedisArrowException} when the server has no query engine (saying what
     * to load), when an index of that name already exists (saying so), or with the server's reason
     * and the command for any other error reply. On a Redis Cluster
     * node whose query engine has no coordinator (which indexes each master's keys apart; see
     * {@link ClusterSearch}), a {@link RedisArrowException} before any {@code FT} command is sent; otherwise as {@link #read(ReadRequest)}.
     *
     * @param arguments every argument after the command's name, the index name first, such as
     *        {@code idx ON HASH PREFIX 1 user: SCHEMA name TAG}
     * @return completes once the index exists; the command is sent on subscription
     * @throws IllegalArgumentException when {@code arguments} is empty or its first element (the
     *         index name) is empty
     */
    public Mono<Void> createIndex(List<String> arguments) {
        Objects.requireNonNull(arguments, "arguments must not be null");
        List<String> copy = List.copyOf(arguments);
        if (copy.isEmpty() || copy.get(0).isEmpty()) {
            throw new IllegalArgumentException("arguments must start with the index name; got " + copy);
        }
        return indexCommands(SEARCH_CREATE).flatMap(commands -> commands.create(copy));
    }

    /**
     * Drops a RediSearch index ({@code FT.DROPINDEX}), and with {@code deleteDocuments} the keys it
     * holds too ({@code DD}): those the index covers and has indexed, deleted by the server before
     * it replies.
     *
     * <p><b>Errors:</b> {@link RedisArrowException} when the server has no query engine (saying what
     * to load) or has no such index. On a Redis Cluster
     * node whose query engine has no coordinator (which indexes each master's keys apart; see
     * {@link ClusterSearch}), a {@link RedisArrowException} before any {@code FT} command is sent; otherwise as {@link #read(ReadRequest)}.
     *
     * @param index the index name
     * @param deleteDocuments whether to delete its documents as well
     * @return completes once the index is gone; the command is sent on subscription
     * @throws IllegalArgumentException when {@code index} is empty
     */
    public Mono<Void> dropIndex(String index, boolean deleteDocuments) {
        Objects.requireNonNull(index, "index must not be null");
        if (index.isEmpty()) {
            throw new IllegalArgumentException("index must not be empty");
        }
        return indexCommands(SEARCH_DROP).flatMap(commands -> commands.drop(index, deleteDocuments));
    }

    /**
     * Reads the documents a query matches, as {@link #read(ReadRequest)} reads a keyspace: the
     * query's cursor yields the keys (its rows must load {@code @__key}), page by page on demand,
     * and each batch of keys is fetched with the request's value commands (and TTL) on the read's
     * own connection, at most {@link ReadRequest#parallel()} round trips in flight, in the
     * query's order. A key deleted or changed to another type after the query matched it yields no
     * row. When the read ends before the cursor is exhausted (cancel, error, row limit), the cursor
     * is deleted ({@code FT.CURSOR DEL}).
     *
     * <p><b>Errors:</b> {@link RedisArrowException} for a missing query engine, an unknown index, a
     * query the server rejects (its message and the query), an expired cursor; on a Redis Cluster
     * node, always a {@link RedisArrowException} before any {@code FT} command is sent: without a
     * coordinator the query engine sees one master's keys, and with one the matched keys live on
     * several masters, which the read's one connection cannot fetch ({@link ClusterSearch});
     * otherwise as {@link #read(ReadRequest)}.
     *
     * @param request what to fetch per key, sizes, limit and TTL
     * @param query the cursor query producing the keys
     * @return the batches
     */
    public Flux<RawBatch> search(ReadRequest request, CursorQuery query) {
        return searchReads(SEARCH_CURSOR, true).flatMapMany(reads -> {
            ReadObserver observer = telemetry.read("search", endpoint.address(), "index '" + query.index() + "'");
            return Reads.read(reads.keys(query), endpoint, request, options.commandTimeout(), observer)
                    .doOnNext(batch -> observer.batch(batch.rowCount(), batch.dataSize()))
                    .doOnError(observer::ended)
                    .doOnComplete(() -> observer.ended(null))
                    .doOnCancel(() -> observer.ended(null));
        });
    }

    /**
     * Reads the rows of an aggregation, one batch per cursor page (rows without keys), each value
     * in the column of its name. Check the index with {@link #indexInfo(String)} first: on
     * RediSearch 1.x the aggregation gives no rows rather than an error. Pages are read on demand, one in reserve; the cursor is deleted
     * when the read ends before it is exhausted. A list value (TOLIST) arrives as its JSON array
     * text.
     *
     * <p><b>Errors:</b> as {@link #search(ReadRequest, CursorQuery)}, except that on a Redis Cluster
     * node whose query engine is coordinated the aggregation runs on that node (the coordinator
     * gathers every master's rows).
     *
     * @param query the aggregation
     * @param columns the names of the values to keep, in column order
     * @param limit the most rows, {@link Long#MAX_VALUE} for no limit
     * @return the batches
     */
    public Flux<RawBatch> aggregate(CursorQuery query, List<String> columns, long limit) {
        List<String> names = List.copyOf(columns);
        return searchReads(SEARCH_CURSOR, false).flatMapMany(reads -> Reads.rows(reads.rows(query, names), limit));
    }

    private Mono<SearchReads> searchReads(String command, boolean fetchesKeys) {
        return shared().flatMap(shared -> searchReady(shared, command, fetchesKeys)
                .thenReturn(new SearchReads(shared.connection(), options.address(), options.commandTimeout())));
    }

    private Mono<IndexCommands> indexCommands(String command) {
        return shared().flatMap(shared -> searchReady(shared, command, false)
                .thenReturn(new IndexCommands(shared.connection(), options.address(), options.commandTimeout())));
    }

    /**
     * Checks that the server has the query engine and, on a cluster, that it is coordinated
     * ({@link ClusterSearch}), so the operation may run on the shared connection.
     */
    private Mono<Void> searchReady(Shared shared, String command, boolean fetchesKeys) {
        Mono<Void> module = modules.require(shared.connection(), command, options.address());
        return shared.cluster() ? module.then(clusterSearch.require(shared.connection(), options.address(),
                options.commandTimeout(), fetchesKeys)) : module;
    }

    /**
     * Samples the hashes matching a pattern: picks up to {@code sampleSize} keys spread over the
     * keyspace with SCAN ({@code MATCH pattern TYPE hash}: short runs from random cursors, or a full
     * SCAN with reservoir sampling when they do not fill the sample), then fetches each one with
     * {@code HGETALL}, pipelined on the shared connection. A key gone or no longer a hash by then
     * is left out.
     *
     * <p>On a Redis Cluster, every master (only the one serving the pattern's hash tag, when it
     * fixes one) gets a share of the sample in proportion to its key count ({@code DBSIZE}), is
     * sampled as above on its own connection, and its keys are fetched there; shares a master
     * cannot fill go to the others. The hashes come master after master, in slot order.
     *
     * <p><b>Errors:</b> {@link RedisArrowException} when no hash matches the pattern (on any master
     * of a cluster), or when some hash slots of a cluster are served by no master;
     * {@link RedisConnectionException} naming {@code host:port} when the connection cannot be
     * opened or fails; {@code RedisCommandTimeoutException} when a command exceeds the command
     * timeout; error replies other than WRONGTYPE (and, on a cluster, MOVED or ASK of a key that
     * moved, which is left out); {@link IllegalStateException} after {@link #close()}.
     *
     * @param pattern the SCAN MATCH glob
     * @param sampleSize the most keys to sample, {@code >= 1}
     * @return the sampled hashes, in sample order; every matching hash when no more than
     *         {@code sampleSize} match
     * @throws IllegalArgumentException when the pattern is empty or {@code sampleSize < 1}
     */
    public Flux<SampledHash> sampleHashes(String pattern, int sampleSize) {
        return sample(pattern, sampleSize, "hash", "hash", SampleFetch::hashes);
    }

    /**
     * Samples the JSON documents matching a pattern, as {@link #sampleHashes(String, int)} does
     * hashes: SCAN with {@code TYPE ReJSON-RL}, then {@code JSON.GET key $} per key.
     *
     * <p><b>Errors:</b> {@link RedisArrowException} when no JSON document matches the pattern
     * (also when the server has no JSON module); otherwise as {@link #sampleHashes(String, int)}.
     *
     * @param pattern the SCAN MATCH glob
     * @param sampleSize the most keys to sample, {@code >= 1}
     * @return the sampled documents, in sample order
     * @throws IllegalArgumentException when the pattern is empty or {@code sampleSize < 1}
     */
    public Flux<SampledDocument> sampleJson(String pattern, int sampleSize) {
        return sample(pattern, sampleSize, "ReJSON-RL", "JSON document", SampleFetch::documents);
    }

    private <T> Flux<T> sample(String pattern, int sampleSize, String type, String what,
            BiFunction<SampleFetch, List<byte[]>, Flux<T>> fetch) {
        Objects.requireNonNull(pattern, "pattern must not be null");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("pattern must not be empty");
        }
        if (sampleSize < 1) {
            throw new IllegalArgumentException("sampleSize must be >= 1");
        }
        return shared().flatMapMany(shared -> {
            if (shared.cluster()) {
                return new ClusterSampler(cluster(), options.commandTimeout(), new Random())
                        .sample(pattern, type, sampleSize, fetch)
                        .switchIfEmpty(Flux.error(() -> noneToSample(pattern, type, what, " on any master of the Redis"
                                + " Cluster")));
            }
            KeySampler sampler = new KeySampler(shared.connection(), options.address(), options.commandTimeout(),
                    new Random());
            SampleFetch values = new SampleFetch(shared.connection(), options.address(), options.commandTimeout());
            return sampler.sample(pattern, type, sampleSize).flatMapMany(keys -> fetch.apply(values, keys))
                    .switchIfEmpty(Flux.error(() -> noneToSample(pattern, type, what, "")));
        });
    }

    private RedisArrowException noneToSample(String pattern, String type, String what, String where) {
        return new RedisArrowException("no " + what + " matches '" + pattern + "' at " + options.address() + where
                + " (SCAN MATCH with TYPE " + type + " found none to sample)"
                + (type.equals("hash") ? "" : "; check the pattern, and that the server has the JSON module"));
    }

    private Mono<Shared> shared() {
        return Mono.defer(() -> closed.get() ? Mono.error(new IllegalStateException("the session is closed"))
                : connection);
    }

    /**
     * Opens the shared connection and checks for cluster mode, all within the connect timeout:
     * Lettuce's own set-up (PING or AUTH, then SELECT) is bounded by the URL's timeout, set to the
     * connect timeout here, and the whole attempt by the same deadline.
     */
    private Mono<Shared> connect() {
        RedisURI uri = options.redisUri();
        Duration timeout = options.connectTimeout();
        uri.setTimeout(timeout);
        long start = System.nanoTime();
        return Mono.defer(() -> {
            ConnectionFuture<StatefulRedisConnection<byte[], byte[]>> future = client.connectAsync(ByteArrayCodec.INSTANCE,
                    uri);
            return Mono.fromCompletionStage(future)
                    .doOnCancel(() -> future.thenAccept(StatefulRedisConnection::closeAsync))
                    .flatMap(c -> {
                        c.setTimeout(options.commandTimeout());
                        return ClusterMode.enabled(c).map(cluster -> new Shared(c, cluster))
                                .doOnCancel(c::closeAsync)
                                .onErrorResume(e -> Mono.fromCompletionStage(c.closeAsync()).then(Mono.error(e)));
                    });
        })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout, Mono.error(() -> ConnectionErrors.noAnswer(options.address(), timeout,
                        new TimeoutException("connection set-up"))))
                .onErrorResume(failure -> diagnose(failure, timeout.minusNanos(System.nanoTime() - start))
                        .flatMap(Mono::error))
                .doOnNext(shared -> {
                    open.set(shared.connection());
                    if (closed.get()) {
                        shared.connection().closeAsync();
                    }
                });
    }

    /**
     * Explains a failed connection ({@link ConnectionErrors}). When the server was reached but the
     * set-up failed for no stated reason (a client may see a rejected password, or bytes that are
     * not RESP, only as a closed connection), a plain set-up and PING on a read channel read the
     * server's own answer; it gets what is left of the connect timeout.
     */
    private Mono<Throwable> diagnose(Throwable failure, Duration remaining) {
        RedisConnectionException explained = ConnectionErrors.explain(options.address(), options.redisUri().getDatabase(),
                options.connectTimeout(), failure);
        if (remaining.isNegative() || remaining.isZero() || !ConnectionErrors.unexplained(explained)
                || ConnectionErrors.reachedNothing(failure)) {
            return Mono.just(explained);
        }
        return ConnectionCheck.check(endpoint)
                .then(Mono.<Throwable>just(explained))
                .timeout(remaining, Mono.just(explained))
                .onErrorResume(found -> Mono.just(ConnectionErrors.unexplained(found) ? explained : found));
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
        ClusterConnections cluster = clusterConnections.getAndSet(null);
        if (cluster != null) {
            cluster.close();
        }
        client.shutdown(0, 2, TimeUnit.SECONDS);
        fetchLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /**
     * Counts the keys of the database: {@code DBSIZE} on a standalone server (the URL's database),
     * the sum of {@code DBSIZE} over every master on a Redis Cluster (replicas are not counted, so a
     * key counts once). Every key counts, whatever its type and name, and keys that expire or are
     * written while the masters are asked may or may not: with the keys a scan has delivered
     * ({@link ScanCheckpoint#keysDelivered()}), an upper bound for its progress.
     *
     * <p><b>Errors:</b> {@code RedisCommandTimeoutException} when a node does not answer within the
     * command timeout; otherwise as {@link #read(ReadRequest)}.
     *
     * @return the key count, read on subscription
     */
    public Mono<Long> keyCount() {
        return shared().flatMap(shared -> {
            if (!shared.cluster()) {
                return io.redisarrow.core.internal.channel.SharedCommands.bounded(
                        Mono.fromCompletionStage(() -> shared.connection().async().dbsize()), "DBSIZE",
                        options.address(), options.commandTimeout(), e -> e);
            }
            ClusterConnections nodes = cluster();
            return nodes.topology().flatMapMany(topology -> Flux.fromIterable(topology.shards()))
                    .flatMap(shard -> nodes.node(shard.master())
                            .flatMap(node -> io.redisarrow.core.internal.channel.SharedCommands.bounded(
                                    Mono.fromCompletionStage(() -> node.async().dbsize()), "DBSIZE",
                                    shard.master().address(), options.commandTimeout(), e -> e)))
                    .reduce(0L, Long::sum);
        });
    }

    /** The shared connection, and whether its server runs in cluster mode. */
    private record Shared(StatefulRedisConnection<byte[], byte[]> connection, boolean cluster) {
    }
}
