package io.redisarrow.arrow;

import io.micrometer.core.instrument.MeterRegistry;
import io.redisarrow.core.ConnectionOptions;
import io.redisarrow.core.RetryPolicy;
import io.redisarrow.arrow.internal.decode.RawBatchDecoder;
import io.redisarrow.arrow.internal.write.BatchEncoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import io.redisarrow.arrow.internal.infer.HashSchemaInference;
import io.redisarrow.arrow.internal.infer.JsonSchemaInference;
import io.redisarrow.arrow.internal.search.IndexSchemas;
import io.redisarrow.core.IndexInfo;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.RedisSession;
import io.redisarrow.core.SampledDocument;
import io.redisarrow.core.SampledHash;
import io.redisarrow.core.internal.plan.DemandGate;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.rounding.SegmentRoundingPolicy;
import org.apache.arrow.vector.types.pojo.Schema;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Entry point: streams Redis data into Arrow {@link RecordBatch}es. Owns one Lettuce client with
 * one shared connection (opened at the first subscription) and, unless one is given to
 * {@link Builder#allocator(BufferAllocator)}, a {@link RootAllocator} that {@link #close()}
 * closes. That allocator rounds each buffer up to a multiple of {@link #ALLOCATION_SEGMENT_BYTES}
 * rather than to a power of two, since every batch sizes its vectors exactly: a batch then holds
 * a few percent more than its data instead of up to twice as much. Thread-safe; share one
 * instance per Redis server.
 *
 * <pre>{@code
 * try (RedisArrow redis = RedisArrow.connect("redis://127.0.0.1:6379")) {
 *     redis.scanHashes(HashScan.builder().pattern("user:*").schema(schema).build())
 *          .doOnNext(batch -> { try (batch) { process(batch.root()); } })
 *          .blockLast();
 * }
 * }</pre>
 */
public final class RedisArrow implements AutoCloseable {

    /** The rounding unit of the allocator this class creates: 1 KiB. */
    public static final long ALLOCATION_SEGMENT_BYTES = 1024;

    /** The longest {@link #close()} waits for batches still being decoded after a cancel, in ms. */
    public static final long CLOSE_WAIT_MILLIS = 2000;

    private final RedisSession session;

    private final BufferAllocator allocator;

    private final boolean ownsAllocator;

    private final Scheduler decodeScheduler;

    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisArrow(Builder builder) {
        this.session = RedisSession.create(builder.connection.build());
        this.ownsAllocator = builder.allocator == null;
        this.allocator = ownsAllocator
                ? new RootAllocator(AllocationListener.NOOP, Long.MAX_VALUE,
                        new SegmentRoundingPolicy(ALLOCATION_SEGMENT_BYTES))
                : builder.allocator;
        this.decodeScheduler = builder.decodeScheduler;
    }

    /**
     * Creates an instance for a URL with default options. No connection is made until a
     * publisher is subscribed.
     *
     * @param url {@code redis://[[user]:password@]host[:port][/database][?timeout=30s]} or
     *        {@code rediss://...} for TLS
     * @return the instance
     * @throws IllegalArgumentException when the URL is malformed
     */
    public static RedisArrow connect(String url) {
        return builder().url(url).build();
    }

    /** @return a builder; {@link Builder#url(String)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the allocator every batch's vectors come from */
    public BufferAllocator allocator() {
        return allocator;
    }

    /**
     * Streams the hashes matching {@link HashScan#pattern()} as Arrow batches of at most
     * {@link HashScan#batchSize()} rows, in SCAN order. Each batch is one pipelined round trip of
     * HGETALL (or HMGET with a projection), plus TTL when asked. Keys of other types are skipped
     * (by their WRONGTYPE replies, or by SCAN TYPE hash as {@link HashScan#typeFilter()} says); a
     * key deleted between SCAN and fetch yields no row; a missing field is null. SCAN reads every
     * key present for the whole scan at least once; a key can come twice only while Redis resizes
     * its table mid-scan.
     *
     * <p><b>Ownership:</b> every emitted {@link RecordBatch} belongs to the subscriber, who must
     * close it. The library decodes one batch at a time, only while the subscriber has demand, and
     * hands it on as soon as it is decoded; a batch it decoded but cannot hand on (the subscriber
     * cancelled or the read failed while it was being decoded, or the subscriber's {@code onNext}
     * threw) it closes itself, so on complete, error, cancel or {@code take(n)} nothing of the
     * library's is left in the allocator. Operators you add that queue or drop batches
     * ({@code publishOn}, {@code limitRate}, {@code buffer}, {@code filter}, {@code concatMap},
     * {@code flatMap}) release what they drop through the discard hook, which acts only on the
     * operators above it: end your chain with
     * {@code .doOnDiscard(RecordBatch.class, RecordBatch::close)}. Inside {@code flatMap}, the inner
     * publisher owns its batch: tie its life to it with {@code Mono.using(() -> batch, ...,
     * RecordBatch::close)}. The scan hands on nothing once a cancel has reached it, but a batch
     * handed on in the very instant of a cancel depends on the operator receiving it: {@code timeout}
     * then passes it to Reactor's {@code Hooks.onNextDropped} rather than to the discard hook (close
     * batches there too:
     * {@code Hooks.onNextDropped(o -> { if (o instanceof RecordBatch b) b.close(); })}), and
     * {@code buffer} may add it to a list it has already discarded.
     *
     * <p><b>Backpressure:</b> demand drives I/O. Nothing is sent before the first request. After
     * it, at most {@link HashScan#parallel()} round trips are in flight or held, plus one raw batch
     * waiting to be decoded; the next raw batch is taken only once the previous batch was handed
     * on. So the raw bytes held stay near {@code (parallel + 1) x batchSize} rows, and the Arrow
     * memory the library holds is the one batch being decoded, however slow the subscriber is.
     *
     * <p><b>Redis Cluster:</b> a URL of any node reads the whole cluster: every master is scanned
     * in parallel with its own SCAN and fetch connection, {@code parallel} round trips on each (so
     * the raw bytes held are bounded per master), and their batches are merged; keys of slots that
     * moved during the scan are read again at its end. See {@code docs/operations.md}.
     *
     * <p><b>Failures and resume:</b> transient failures are retried as
     * {@link Builder#retry(io.redisarrow.core.RetryPolicy)} says, from the last SCAN cursor handed
     * on; every batch carries {@link RecordBatch#checkpoint()}, from which
     * {@link HashScan.Builder#resumeFrom(io.redisarrow.core.ScanCheckpoint)} starts a later scan.
     * Keys may come twice around a retry or a checkpoint; none is lost.
     *
     * <p><b>Cancellation:</b> stops the SCAN loop (a SCAN reply still on its way is ignored) and
     * closes the scan's own fetch connection, abandoning the round trips in flight: Redis may still
     * run the commands it has received, but their replies are never read. A batch being decoded
     * when the cancel arrives is closed once decoding ends; nothing is emitted after the cancel has
     * reached the scan.
     *
     * <p><b>Errors:</b> {@code RedisConnectionException} naming {@code host:port} when Redis cannot
     * be reached or does not answer within the connect timeout, rejects the credentials, has no
     * such database, does not speak RESP, or the fetch connection fails mid-scan, once the retries
     * are spent; {@link io.redisarrow.core.RedisArrowException} when a cluster slot is still
     * migrating, or served by no master, once the masters' scans end;
     * {@link io.redisarrow.core.BatchTooLargeException}
     * naming the key when one batch's raw values pass 2 GiB;
     * {@code RedisCommandTimeoutException} when a round trip exceeds the command timeout (and the
     * retries are spent); {@link ValueConversionException} for a value that does not parse under
     * {@link ParseErrorPolicy#FAIL}; {@link IllegalStateException} after {@link #close()}; an
     * exception thrown by the subscriber's {@code onNext}, after that batch was closed and the scan
     * cancelled. Errors are signalled as soon as they occur: a batch being decoded at that moment
     * is closed, not emitted, and a raw batch waiting for demand is dropped.
     *
     * @param scan what to read
     * @return a cold publisher; each subscription runs its own scan
     */
    public Flux<RecordBatch> scanHashes(HashScan scan) {
        Objects.requireNonNull(scan, "scan must not be null");
        return scan(scan.read(), new RawBatchDecoder(scan.layout(), scan.values()));
    }

    /**
     * Streams the JSON documents (keys of type {@code ReJSON-RL}) matching
     * {@link JsonScan#pattern()} as Arrow batches of at most {@link JsonScan#batchSize()} rows, in
     * SCAN order. Each batch is one round trip: one pipelined {@code JSON.GET key path...} per key
     * (see {@link JsonScan} for which paths), or one {@code JSON.MGET key... path} per batch with
     * {@link JsonScan.Builder#mget(boolean) mget(true)}, plus TTL when asked; each reply is decoded by a
     * streaming tokenizer straight into the vectors, nested Struct, List and Map columns included.
     * A field reads the top-level member of its name, or the value at its
     * {@link JsonScan.Builder#path(String, String) path}; a missing member or path is null (an
     * error if the field is not nullable). JSON scalars are parsed from their text by the rules of
     * {@link #scanHashes(HashScan)} (so a string holding a date fills a Date column, and a number
     * fills a Decimal column exactly); a Utf8 column takes any value, objects and arrays as their
     * JSON text. Keys of other types are skipped; a key deleted between SCAN and fetch yields no
     * row. SCAN reads every key present for the whole scan at least once; a key can come twice
     * only while Redis resizes its table mid-scan.
     *
     * <p><b>Ownership:</b> as for {@link #scanHashes(HashScan)}: every emitted {@link RecordBatch}
     * belongs to the subscriber, who must close it; what the library decoded but cannot hand on it
     * closes itself, so on complete, error, cancel or {@code take(n)} nothing of the library's is
     * left in the allocator. End chains that queue or drop batches with
     * {@code .doOnDiscard(RecordBatch.class, RecordBatch::close)}.
     *
     * <p><b>Backpressure:</b> demand drives I/O. Nothing is sent before the first request; after
     * it, at most {@link JsonScan#parallel()} round trips are in flight or held, plus one raw batch
     * waiting to be decoded, so the raw bytes held stay near {@code (parallel + 1) x batchSize}
     * documents, and the Arrow memory the library holds is the one batch being decoded.
     *
     * <p><b>Cancellation:</b> stops the SCAN loop and closes the scan's own fetch connection,
     * abandoning the round trips in flight; a batch being decoded is closed once decoding ends.
     *
     * <p><b>Errors:</b> those of {@link #scanHashes(HashScan)} (connection, cluster slots, batch too
     * large, command timeout, closed instance, a throwing {@code onNext});
     * {@link io.redisarrow.core.RedisArrowException} saying what to load when the server does not
     * know JSON.GET (no JSON module); a Redis error reply other than WRONGTYPE naming the command
     * and the key; {@link ValueConversionException} under
     * {@link ParseErrorPolicy#FAIL} naming the key, the column, the value's JSONPath in the
     * document, the value and the Arrow type, for a value of the wrong JSON type, a path matching
     * several values for a column that is not a List, or nesting deeper than the decoder's
     * documented limit.
     *
     * @param scan what to read
     * @return a cold publisher; each subscription runs its own scan
     */
    public Flux<RecordBatch> scanJson(JsonScan scan) {
        Objects.requireNonNull(scan, "scan must not be null");
        return scan(scan.read(), new RawBatchDecoder(scan.layout(), scan.values()));
    }

    /**
     * Streams the strings (keys of type {@code string}) matching {@link StringScan#pattern()} as
     * Arrow batches of at most {@link StringScan#batchSize()} rows, in SCAN order: one row per key,
     * its value in the schema's one column. Each batch is one round trip: one {@code MGET key...}
     * for the whole batch, plus {@code TTL key} per key when asked. The value is parsed by the rules
     * of {@link #scanHashes(HashScan)} into a scalar column (an empty string is {@code ""} in a Utf8
     * or Binary column and a value that does not parse in any other), taken as it is into a Binary
     * column, or decoded as JSON text into a Struct, List or Map column (see {@link StringScan}).
     * SCAN sends {@code TYPE string} by default ({@link StringScan#DEFAULT_TYPE_FILTER}); a key that
     * MGET answers nil for (deleted or expired after SCAN found it, or of another type) yields no
     * row, with no further round trip. SCAN reads every key present for the whole scan at least
     * once; a key can come twice only while Redis resizes its table mid-scan.
     *
     * <p><b>Ownership:</b> as for {@link #scanHashes(HashScan)}: every emitted {@link RecordBatch}
     * belongs to the subscriber, who must close it; what the library decoded but cannot hand on it
     * closes itself, so on complete, error, cancel or {@code take(n)} nothing of the library's is
     * left in the allocator. End chains that queue or drop batches with
     * {@code .doOnDiscard(RecordBatch.class, RecordBatch::close)}.
     *
     * <p><b>Backpressure:</b> demand drives I/O. Nothing is sent before the first request; after
     * it, at most {@link StringScan#parallel()} round trips are in flight or held, plus one raw
     * batch waiting to be decoded, so the raw bytes held stay near {@code (parallel + 1) x
     * batchSize} values, and the Arrow memory the library holds is the one batch being decoded.
     * Large values make large batches: lower {@code batchSize} for strings of megabytes.
     *
     * <p><b>Cancellation:</b> stops the SCAN loop and closes the scan's own fetch connection,
     * abandoning the round trips in flight; a batch being decoded is closed once decoding ends.
     *
     * <p><b>Errors:</b> those of {@link #scanHashes(HashScan)} (connection, cluster slots, a batch
     * whose raw values pass 2 GiB ({@link io.redisarrow.core.BatchTooLargeException} naming the
     * key), command timeout, closed instance, a throwing {@code onNext}); a Redis error reply to
     * MGET naming the command and the first key; {@link ValueConversionException} for a value that
     * does not parse under {@link ParseErrorPolicy#FAIL}, naming the key, the value column, the
     * value and the Arrow type (for JSON text, also the value's JSONPath).
     *
     * @param scan what to read
     * @return a cold publisher; each subscription runs its own scan
     */
    public Flux<RecordBatch> scanStrings(StringScan scan) {
        Objects.requireNonNull(scan, "scan must not be null");
        return scan(scan.read(), new RawBatchDecoder(scan.layout(), scan.values()));
    }

    /**
     * Streams the members of the sets matching {@link SetScan#pattern()} as Arrow batches of at
     * most {@link SetScan#batchSize()} rows, keys in SCAN order: one row per member, or with
     * {@link SetScan.Builder#oneRowPerKey()} one row per set whose member column is a List. Each
     * batch of keys is sized first ({@code SCARD}, plus {@code TTL} when asked, in one pipelined
     * round trip); a set that fits in a batch is read whole with {@code SMEMBERS} and never split
     * across batches, a larger one in windows of {@code SSCAN ... COUNT batchSize}, one round trip
     * each (the next page sent as soon as the current page's cursor arrives, one page ahead of
     * demand), so a set of any size streams in batches of at most {@code batchSize} rows (one with
     * {@code oneRowPerKey()} comes as consecutive rows of the same key). SSCAN's guarantee holds:
     * a member present for the whole read comes at least once, and may come twice if the set is
     * resized during the read. Members are parsed into the member column by the rules of
     * {@link #scanHashes(HashScan)}. Keys of other types are skipped; a set deleted before or
     * during its read yields no further rows. See {@code docs/types.md}.
     *
     * <p><b>Ownership:</b> as for {@link #scanHashes(HashScan)}: every emitted {@link RecordBatch}
     * belongs to the subscriber, who must close it; what the library decoded but cannot hand on it
     * closes itself, so on complete, error, cancel or {@code take(n)} nothing of the library's is
     * left in the allocator. End chains that queue or drop batches with
     * {@code .doOnDiscard(RecordBatch.class, RecordBatch::close)}.
     *
     * <p><b>Backpressure:</b> demand drives I/O. Nothing is sent before the first request. A batch
     * of keys (about as many as fill one batch of elements, by the elements per key seen so far)
     * costs one round trip for their sizes (and TTLs), then one round trip per window of at most
     * {@code batchSize} elements, each sent as batches are asked for and at most one ahead of them;
     * at most {@code parallel} batches of keys are being read at once, so the raw bytes held stay
     * near {@code (2 x parallel + 1) x batchSize} elements however large a key is, and the Arrow
     * memory the library holds is the one batch being decoded.
     *
     * <p><b>Cancellation:</b> stops the SCAN loop and closes the scan's own fetch connection,
     * abandoning the round trips in flight (the windows of a large key not yet asked for are never
     * sent); a batch being decoded is closed once decoding ends, and nothing is emitted after the
     * cancel has reached the scan.
     *
     * <p><b>Errors:</b> those of {@link #scanHashes(HashScan)} (connection, cluster slots, batch too
     * large, command timeout, closed instance, a throwing {@code onNext}); a Redis error reply other
     * than WRONGTYPE naming the command and the key; {@link ValueConversionException} naming the
     * key, the column, the value and the Arrow type for a member that does not parse under
     * {@link ParseErrorPolicy#FAIL}.
     *
     * @param scan what to read
     * @return a cold publisher; each subscription runs its own scan
     */
    public Flux<RecordBatch> scanSets(SetScan scan) {
        Objects.requireNonNull(scan, "scan must not be null");
        return scan(scan.read(), scan.decoder());
    }

    /**
     * Streams the elements of the lists matching {@link ListScan#pattern()} as Arrow batches of at
     * most {@link ListScan#batchSize()} rows, keys in SCAN order and each list head first: one row
     * per element with its position, or with {@link ListScan.Builder#oneRowPerKey()} one row per
     * list whose element column is a List in list order. Each batch of keys is sized first
     * ({@code LLEN}, plus {@code TTL} when asked, in one pipelined round trip), then read with
     * {@code LRANGE} windows of at most {@code batchSize} elements, one round trip each; a list that
     * fits in a batch is never split across batches, a longer one is read in windows by position
     * up to the length it had when sized (one with {@code oneRowPerKey()} comes as consecutive rows
     * of the same key). Elements pushed or popped at the head during the read shift the positions
     * later windows read, so such a list may come with elements repeated or missed. Elements are
     * parsed into the element column by the rules of {@link #scanHashes(HashScan)}. Keys of other
     * types are skipped; a list deleted before or during its read yields no further rows. See
     * {@code docs/types.md}.
     *
     * <p><b>Ownership:</b> as for {@link #scanHashes(HashScan)}: every emitted {@link RecordBatch}
     * belongs to the subscriber, who must close it; what the library decoded but cannot hand on it
     * closes itself, so on complete, error, cancel or {@code take(n)} nothing of the library's is
     * left in the allocator. End chains that queue or drop batches with
     * {@code .doOnDiscard(RecordBatch.class, RecordBatch::close)}.
     *
     * <p><b>Backpressure:</b> demand drives I/O. Nothing is sent before the first request. A batch
     * of keys (about as many as fill one batch of elements, by the elements per key seen so far)
     * costs one round trip for their sizes (and TTLs), then one round trip per window of at most
     * {@code batchSize} elements, each sent as batches are asked for and at most one ahead of them;
     * at most {@code parallel} batches of keys are being read at once, so the raw bytes held stay
     * near {@code (2 x parallel + 1) x batchSize} elements however large a key is, and the Arrow
     * memory the library holds is the one batch being decoded.
     *
     * <p><b>Cancellation:</b> stops the SCAN loop and closes the scan's own fetch connection,
     * abandoning the round trips in flight (the windows of a large key not yet asked for are never
     * sent); a batch being decoded is closed once decoding ends, and nothing is emitted after the
     * cancel has reached the scan.
     *
     * <p><b>Errors:</b> those of {@link #scanHashes(HashScan)} (connection, cluster slots, batch too
     * large, command timeout, closed instance, a throwing {@code onNext}); a Redis error reply other
     * than WRONGTYPE naming the command and the key; {@link ValueConversionException} naming the
     * key, the column, the value and the Arrow type for an element that does not parse under
     * {@link ParseErrorPolicy#FAIL}.
     *
     * @param scan what to read
     * @return a cold publisher; each subscription runs its own scan
     */
    public Flux<RecordBatch> scanLists(ListScan scan) {
        Objects.requireNonNull(scan, "scan must not be null");
        return scan(scan.read(), scan.decoder());
    }

    /**
     * Streams the members of the sorted sets matching {@link SortedSetScan#pattern()} with their
     * scores as Arrow batches of at most {@link SortedSetScan#batchSize()} rows, keys in SCAN order
     * and each sorted set in score order (equal scores in the members' byte order): one row per
     * member with its score, or with {@link SortedSetScan.Builder#oneRowPerKey()} one row per sorted
     * set whose member column is a List of member and score. Each batch of keys is sized first
     * ({@code ZCARD}, plus {@code TTL} when asked, in one pipelined round trip), then read with
     * {@code ZRANGE ... WITHSCORES} windows by rank of at most {@code batchSize} members, one round
     * trip each; a sorted set that fits in a batch is never split across batches, a larger one is
     * read up to the size it had when sized (one with {@code oneRowPerKey()} comes as consecutive
     * rows of the same key). Members added, removed or rescored during the read shift the ranks
     * later windows read, so such a sorted set may come with members repeated or missed. Members
     * and scores are parsed by the rules of {@link #scanHashes(HashScan)}. Keys of other types are
     * skipped; a sorted set deleted before or during its read yields no further rows. See
     * {@code docs/types.md}.
     *
     * <p><b>Ownership:</b> as for {@link #scanHashes(HashScan)}: every emitted {@link RecordBatch}
     * belongs to the subscriber, who must close it; what the library decoded but cannot hand on it
     * closes itself, so on complete, error, cancel or {@code take(n)} nothing of the library's is
     * left in the allocator. End chains that queue or drop batches with
     * {@code .doOnDiscard(RecordBatch.class, RecordBatch::close)}.
     *
     * <p><b>Backpressure:</b> demand drives I/O. Nothing is sent before the first request. A batch
     * of keys (about as many as fill one batch of elements, by the elements per key seen so far)
     * costs one round trip for their sizes (and TTLs), then one round trip per window of at most
     * {@code batchSize} elements, each sent as batches are asked for and at most one ahead of them;
     * at most {@code parallel} batches of keys are being read at once, so the raw bytes held stay
     * near {@code (2 x parallel + 1) x batchSize} elements however large a key is, and the Arrow
     * memory the library holds is the one batch being decoded.
     *
     * <p><b>Cancellation:</b> stops the SCAN loop and closes the scan's own fetch connection,
     * abandoning the round trips in flight (the windows of a large key not yet asked for are never
     * sent); a batch being decoded is closed once decoding ends, and nothing is emitted after the
     * cancel has reached the scan.
     *
     * <p><b>Errors:</b> those of {@link #scanHashes(HashScan)} (connection, cluster slots, batch too
     * large, command timeout, closed instance, a throwing {@code onNext}); a Redis error reply other
     * than WRONGTYPE naming the command and the key; {@link ValueConversionException} naming the
     * key, the column, the value and the Arrow type for a member or score that does not parse under
     * {@link ParseErrorPolicy#FAIL}.
     *
     * @param scan what to read
     * @return a cold publisher; each subscription runs its own scan
     */
    public Flux<RecordBatch> scanSortedSets(SortedSetScan scan) {
        Objects.requireNonNull(scan, "scan must not be null");
        return scan(scan.read(), scan.decoder());
    }

    /**
     * Streams the documents a RediSearch query matches as Arrow batches of at most
     * {@link SearchQuery#batchSize()} rows, in the query's order ({@link SearchQuery.Builder#sortBy
     * sortBy}, else the index's). The query runs as {@code FT.AGGREGATE ... LOAD 1 @__key WITHCURSOR
     * COUNT pageSize}; its cursor is read page by page ({@code FT.CURSOR READ}) as batches are
     * asked for, never with LIMIT offsets, so a result of millions streams in bounded memory. Each
     * batch of matched keys is fetched like a scan's ({@code HGETALL}/{@code HMGET} on a hash
     * index, {@code JSON.GET} on a JSON index, TTL when asked), so the values, types and parse
     * rules are those of {@link #scanHashes(HashScan)} and {@link #scanJson(JsonScan)}. Without a
     * schema, the columns are typed from the index ({@link #indexSchema(String)}). A document
     * deleted after the query matched it yields no row; one changed in between is read as it is
     * when fetched. See {@link SearchQuery} and {@code docs/search.md}.
     *
     * <p><b>Ownership:</b> as for {@link #scanHashes(HashScan)}: every emitted {@link RecordBatch}
     * belongs to the subscriber, who must close it; what the library decoded but cannot hand on it
     * closes itself, so on complete, error, cancel or {@code take(n)} nothing of the library's is
     * left in the allocator. End chains that queue or drop batches with
     * {@code .doOnDiscard(RecordBatch.class, RecordBatch::close)}.
     *
     * <p><b>Backpressure:</b> demand drives I/O. Nothing is sent before the first request. The
     * cursor is read one page ahead of the fetches; at most {@link SearchQuery#parallel()} fetch
     * round trips are in flight or held, plus one raw batch waiting to be decoded, so the memory
     * held stays near one cursor page of keys plus {@code (parallel + 1) x batchSize} rows,
     * however many documents match and however slow the subscriber is. A subscriber slower than the
     * cursor's idle time ({@link SearchQuery.Builder#maxIdle}) loses the cursor (see Errors).
     *
     * <p><b>Cancellation:</b> stops the cursor reads and closes the read's fetch connection. A
     * cursor the server has not exhausted yet is deleted ({@code FT.CURSOR DEL}), after the page
     * still on its way if there is one, so no cursor is left open on the server; the same happens on
     * error and when the {@link SearchQuery#limit() limit} is reached.
     *
     * <p><b>Errors:</b> those of {@link #scanHashes(HashScan)} and {@link #scanJson(JsonScan)};
     * {@link io.redisarrow.core.RedisArrowException} when the server has no query engine (saying to
     * use RediSearch 2.0 or later, as in Redis 8 and Redis Stack), runs RediSearch 1.x (too old), has
     * no such index, is still indexing the keys that existed when the index was created (a read
     * then can miss documents; see {@link SearchQuery.Builder#whileIndexing(boolean)}), rejects the query (the server's message and the query), or has dropped the
     * cursor after it stayed idle longer than its MAXIDLE, or on any Redis Cluster node before a
     * search command is sent: without the query engine's coordinator each master indexes only its
     * own keys, and with it the matched keys live on several masters, which one fetch connection
     * cannot read (the message says what to use instead: {@link #aggregate(AggregateQuery)} with
     * {@code LOAD} on a coordinated cluster, or a scan); {@link IllegalArgumentException} when the
     * query's columns do not fit the index's schema or kind of documents.
     *
     * @param query what to read
     * @return a cold publisher; each subscription runs the query anew
     */
    public Flux<RecordBatch> search(SearchQuery query) {
        Objects.requireNonNull(query, "query must not be null");
        return DemandGate.gate(open -> {
            if (closed.get()) {
                return Flux.error(new IllegalStateException("this RedisArrow is closed"));
            }
            return open.then(session.indexInfo(query.index()))
                    .doOnNext(info -> SearchPlan.checkIndexed(info, query.whileIndexing(), session.options().address()))
                    .map(info -> SearchPlan.of(query, info))
                    .flatMapMany(plan -> RecordBatches.decode(session.search(plan.read(), plan.cursor()), plan.decoder(),
                            allocator, decodeScheduler));
        });
    }

    /**
     * Streams the rows of a RediSearch aggregation ({@code FT.AGGREGATE ... WITHCURSOR COUNT
     * batchSize}, then {@code FT.CURSOR READ} as batches are asked for) as Arrow batches of at most
     * {@link AggregateQuery#batchSize()} rows, typed by the query's schema: each field takes the
     * row's value of its name (null when the row has none), parsed by the rules of
     * {@link #scanHashes(HashScan)}; a TOLIST result fills a List column. Numbers the server computes
     * carry 12 significant digits (see {@link AggregateQuery} on precision).
     *
     * <p><b>Ownership:</b> as for {@link #scanHashes(HashScan)}: every emitted {@link RecordBatch}
     * belongs to the subscriber, who must close it; on complete, error, cancel or {@code take(n)}
     * nothing of the library's is left in the allocator.
     *
     * <p><b>Backpressure:</b> nothing is sent before the first request; the cursor is read one page
     * ahead, so the library holds at most two pages of rows plus the batch being decoded. The server
     * computes a GROUPBY or SORTBY in full before the first page, and keeps the result until the
     * cursor is exhausted or deleted.
     *
     * <p><b>Cancellation:</b> stops the cursor reads; a cursor the server has not exhausted is
     * deleted ({@code FT.CURSOR DEL}), also on error and when the limit is reached.
     *
     * <p><b>Errors:</b> {@link io.redisarrow.core.RedisArrowException} when the server has no query
     * engine, runs RediSearch 1.x, has no such index, is still indexing the keys that existed when
     * the index was created (unless {@link AggregateQuery.Builder#whileIndexing(boolean)}), rejects the query or a step (the server's
     * message and the query), or has dropped an idle cursor, or is a Redis Cluster node whose query engine has no coordinator (each master indexes only its own keys; the message says which servers coordinate a search, and to scan instead; no {@code FT} command is sent); on a coordinated
     * cluster the aggregation runs on the node given; {@link ValueConversionException} for a
     * value that does not parse under {@link ParseErrorPolicy#FAIL}; those of connections and
     * timeouts as for {@link #scanHashes(HashScan)}.
     *
     * @param query the aggregation
     * @return a cold publisher; each subscription runs the aggregation anew
     */
    public Flux<RecordBatch> aggregate(AggregateQuery query) {
        Objects.requireNonNull(query, "query must not be null");
        RawBatchDecoder decoder = query.decoder();
        return DemandGate.gate(open -> {
            if (closed.get()) {
                return Flux.error(new IllegalStateException("this RedisArrow is closed"));
            }
            return RecordBatches.decode(open.then(session.indexInfo(query.index()))
                    .doOnNext(info -> SearchPlan.checkIndexed(info, query.whileIndexing(), session.options().address()))
                    .thenMany(session.aggregate(query.cursor(), query.columns(), query.limit())),
                    decoder, allocator, decodeScheduler);
        });
    }

    /**
     * Streams the entries of the streams matching {@link StreamScan#pattern()} as Arrow batches of
     * at most {@link StreamScan#batchSize()} rows, one row per entry: streams in SCAN order, each
     * stream's entries in id order. Per batch of keys, one pipelined round trip asks every stream's
     * length ({@code XLEN}, plus {@code TTL} when asked); the entries are then read with
     * {@code XRANGE key start end COUNT n} ({@link StreamScan#start()}, {@link StreamScan#end()}),
     * several small streams in one round trip and a big stream in windows of at most
     * {@code batchSize} entries, each window starting after the last id read ({@code (ms-seq}), so
     * a stream of any length is read in bounded memory. A stream that fits in one batch is never
     * split across two. Each entry's id fills the two id columns
     * ({@link StreamScan#idColumns()}); each schema field takes the entry's value of that name, null
     * when the entry has none, parsed by the rules of {@link #scanHashes(HashScan)}. Keys of other
     * types are skipped; a stream deleted before it is read, or with no entries, yields no row.
     *
     * <p>A stream is read by id up to the length it had when its read began (at most
     * {@link StreamScan#countPerKey()} entries): an entry appended during the read may or may not be
     * seen, and no entry is ever seen twice. SCAN reads every key present for the whole scan at least
     * once; a key can come twice only while Redis resizes its table mid-scan.
     *
     * <p><b>Ownership:</b> as for {@link #scanHashes(HashScan)}: every emitted {@link RecordBatch}
     * belongs to the subscriber, who must close it; what the library decoded but cannot hand on it
     * closes itself, so on complete, error, cancel or {@code take(n)} nothing of the library's is
     * left in the allocator. End chains that queue or drop batches with
     * {@code .doOnDiscard(RecordBatch.class, RecordBatch::close)}.
     *
     * <p><b>Backpressure:</b> demand drives I/O. Nothing is sent before the first request. After
     * it, at most {@link StreamScan#parallel()} batches of keys are being read at once, each with
     * one window round trip in flight and at most one sent ahead of what was asked for; so the raw
     * bytes held stay near {@code (2 x parallel + 1) x batchSize} entries, and the Arrow memory the
     * library holds is the one batch being decoded, however long a stream and however slow the
     * subscriber.
     *
     * <p><b>Cancellation:</b> stops the SCAN loop and closes the scan's own fetch connection,
     * abandoning the round trips in flight; no further window is asked for. A batch being decoded is
     * closed once decoding ends; nothing is emitted after the cancel has reached the scan.
     *
     * <p><b>Errors:</b> those of {@link #scanHashes(HashScan)} (connection, cluster slots, batch too
     * large, command timeout, closed instance, a throwing {@code onNext}); a Redis error reply other
     * than WRONGTYPE, naming the command and the key; {@link ValueConversionException} for a value
     * that does not parse under {@link ParseErrorPolicy#FAIL}, an id part above
     * {@link Long#MAX_VALUE} included (Redis allows ids up to {@code 2^64-1}; under
     * {@link ParseErrorPolicy#NULL} that id column is null).
     *
     * @param scan what to read
     * @return a cold publisher; each subscription runs its own scan
     */
    public Flux<RecordBatch> scanStreams(StreamScan scan) {
        Objects.requireNonNull(scan, "scan must not be null");
        return scan(scan.read(), new RawBatchDecoder(scan.layout(), scan.values()));
    }

    private Flux<RecordBatch> scan(ReadRequest read, RawBatchDecoder decoder) {
        return DemandGate.gate(open -> {
            if (closed.get()) {
                return Flux.error(new IllegalStateException("this RedisArrow is closed"));
            }
            return RecordBatches.decode(open.thenMany(session.read(read)), decoder, allocator, decodeScheduler);
        });
    }

    /**
     * Infers a schema for {@link #scanHashes(HashScan)} from a sample of the hashes matching a
     * pattern. Up to {@code sampleSize} keys are picked with SCAN ({@code MATCH pattern TYPE hash}),
     * spread over the keyspace: short SCAN runs from random cursors, or, when they do not fill the
     * sample (a small keyspace or a sparse pattern), a full SCAN with reservoir sampling, which takes
     * every matching hash when there are no more than {@code sampleSize}. Each is fetched with
     * {@code HGETALL}. On a Redis Cluster every master (only the one serving the pattern's hash tag,
     * when it fixes one) gets a share of the sample in proportion to its key count ({@code DBSIZE})
     * and is sampled and fetched on its own connection; shares a master cannot fill go to the others.
     *
     * <p>Every field name seen becomes a field, in order of first appearance across the sample. Its
     * type is the first of Int64, Float64, Decimal, Bool, Date(DAY), Timestamp, Utf8 and Binary
     * whose decoder parses every sampled value of the field: the decoder a scan uses, so a scan of
     * the sampled keys with this schema never fails to parse a value. A field is nullable when a
     * sampled hash lacks it. Each field's metadata holds the evidence ({@link InferenceMetadata}).
     * The rules in full: {@code docs/schema-inference.md}.
     *
     * <p><b>Errors:</b> {@link IllegalArgumentException} at once when {@code pattern} is null or
     * empty or {@code sampleSize < 1} ({@code "sampleSize must be >= 1"});
     * {@link io.redisarrow.core.RedisArrowException} when no hash matches the pattern (on any
     * master of a Redis Cluster, where every master is sampled in proportion to its key count), or
     * when some hash slots of a cluster have no master; {@code RedisConnectionException} naming
     * {@code host:port} when Redis cannot be reached or the connection fails;
     * {@code RedisCommandTimeoutException} when a SCAN or HGETALL exceeds the command timeout;
     * error replies other than WRONGTYPE (a key that is no longer a hash, or gone, is left out of
     * the sample); {@link IllegalStateException} after {@link #close()}.
     *
     * @param pattern the SCAN MATCH glob
     * @param sampleSize the most hashes to sample, {@code >= 1}
     * @return the schema, computed on subscription (a cold publisher: each subscription samples
     *         anew)
     */
    public Mono<Schema> inferHashSchema(String pattern, int sampleSize) {
        Flux<SampledHash> sample = session.sampleHashes(pattern, sampleSize);
        return Mono.defer(() -> closed.get() ? Mono.error(new IllegalStateException("this RedisArrow is closed"))
                : sample.collectList().publishOn(decodeScheduler)
                        .map(hashes -> HashSchemaInference.infer(hashes, allocator)));
    }

    /**
     * Infers a schema for JSON documents from a sample of the documents matching a pattern, picked
     * as {@link #inferHashSchema(String, int)} picks hashes (SCAN with {@code TYPE ReJSON-RL}) and
     * fetched with {@code JSON.GET key $}.
     *
     * <p>Every top-level member seen becomes a field, in order of first appearance. Integers are
     * Int64 (Decimal(p, 0) beyond it, Utf8 beyond 38 digits); other numbers Float64, or Decimal
     * when a double would lose digits; {@code true}/{@code false} Bool; strings Date(DAY) or
     * Timestamp when every one parses so, else Utf8; objects a Struct of their members' union, or a
     * {@code Map<Utf8, T>} when they have many varied member names; arrays a List of their
     * elements' merged type. Values of different JSON types at one place, and containers nested
     * deeper than 32 levels, are Utf8 (which takes any JSON value). A field or member is nullable
     * when a sampled document lacks it or holds null there. Each field's metadata holds the evidence
     * ({@link InferenceMetadata}). The rules in full: {@code docs/schema-inference.md}.
     *
     * <p><b>Errors:</b> {@link IllegalArgumentException} at once when {@code pattern} is null or
     * empty or {@code sampleSize < 1} ({@code "sampleSize must be >= 1"});
     * {@link io.redisarrow.core.RedisArrowException} when no JSON document matches the pattern
     * (also when the server has no JSON module), when no sampled document is a JSON object with a
     * member, or when some hash slots of a Redis Cluster have no master (a cluster is sampled as
     * {@link #inferHashSchema(String, int)} says); {@code RedisConnectionException}
     * naming {@code host:port} when Redis cannot be reached or the connection fails;
     * {@code RedisCommandTimeoutException} when a SCAN or JSON.GET exceeds the command timeout;
     * error replies other than WRONGTYPE (a key that is no longer JSON, or gone, is left out of the
     * sample); {@link IllegalStateException} after {@link #close()}.
     *
     * @param pattern the SCAN MATCH glob
     * @param sampleSize the most documents to sample, {@code >= 1}
     * @return the schema, computed on subscription (a cold publisher: each subscription samples
     *         anew)
     */
    public Mono<Schema> inferJsonSchema(String pattern, int sampleSize) {
        Flux<SampledDocument> sample = session.sampleJson(pattern, sampleSize);
        return Mono.defer(() -> closed.get() ? Mono.error(new IllegalStateException("this RedisArrow is closed"))
                : sample.collectList().publishOn(decodeScheduler)
                        .map(documents -> JsonSchemaInference.infer(documents, allocator)));
    }

    /**
     * Creates a RediSearch index ({@code FT.CREATE}) from its description: the keys it covers and
     * one attribute per schema field (see {@link SearchIndex} for the type mapping). The server
     * then indexes the keys already under its prefixes in the background, and keys written later as
     * they are written; {@code FT.INFO} tells when the existing keys are in
     * ({@link io.redisarrow.core.IndexInfo#indexing()} of
     * {@link io.redisarrow.core.RedisSession#indexInfo(String)}).
     *
     * <p><b>Errors:</b> {@link io.redisarrow.core.RedisArrowException} when the server has no query
     * engine (saying to load RediSearch 2.0 or later, as in Redis 8 and Redis Stack), when an index
     * of that name already exists (saying so: drop it first or choose another name), with the
     * server's reason and the command for any other error reply, or on a Redis Cluster node whose query engine has no coordinator (each master indexes only its own keys; the message says which servers coordinate a search, and to scan instead; no {@code FT} command is sent); {@code RedisConnectionException} naming {@code host:port} when Redis cannot be
     * reached or the connection fails; {@code RedisCommandTimeoutException} when the command exceeds
     * the command timeout; {@link IllegalStateException} after {@link #close()}.
     *
     * @param index the index
     * @return completes once the index exists; the command is sent on subscription (each
     *         subscription sends it again)
     */
    public Mono<Void> createIndex(SearchIndex index) {
        Objects.requireNonNull(index, "index must not be null");
        List<String> arguments = index.arguments();
        return whileOpen(() -> session.createIndex(arguments));
    }

    /**
     * Drops a RediSearch index ({@code FT.DROPINDEX}) and keeps its documents: the keys stay as
     * they are.
     *
     * <p><b>Errors:</b> as {@link #dropIndex(String, boolean)}.
     *
     * @param name the index name
     * @return completes once the index is gone; the command is sent on subscription
     * @throws IllegalArgumentException when {@code name} is empty
     */
    public Mono<Void> dropIndex(String name) {
        return dropIndex(name, false);
    }

    /**
     * Drops a RediSearch index ({@code FT.DROPINDEX}), and with {@code deleteDocuments} its
     * documents too ({@code DD}): the server deletes every key the index holds before it replies.
     * Keys under the index's prefixes that it did not index (not yet indexed, or failed to index)
     * are not deleted.
     *
     * <p><b>Errors:</b> {@link io.redisarrow.core.RedisArrowException} when the server has no query
     * engine (saying what to load), when it has no index of that name, or on a Redis Cluster node whose query engine has no coordinator (each master indexes only its own keys; the message says which servers coordinate a search, and to scan instead; no {@code FT} command is sent); {@code RedisConnectionException} naming {@code host:port} when Redis
     * cannot be reached or the connection fails; {@code RedisCommandTimeoutException} when the
     * command exceeds the command timeout; {@link IllegalStateException} after {@link #close()}.
     *
     * @param name the index name
     * @param deleteDocuments whether to delete the index's documents as well
     * @return completes once the index is gone; the command is sent on subscription
     * @throws IllegalArgumentException when {@code name} is empty
     */
    public Mono<Void> dropIndex(String name, boolean deleteDocuments) {
        checkIndexName(name);
        return whileOpen(() -> session.dropIndex(name, deleteDocuments));
    }

    /**
     * Reads an existing index's attributes ({@code FT.INFO}) as an Arrow schema: one nullable field
     * per attribute, named as the attribute, in declaration order. TEXT, TAG and GEO are Utf8;
     * NUMERIC is Float64 (the server keeps every number as a double); VECTOR is Binary on hashes
     * (the vector's bytes) and List&lt;Float64&gt; on JSON documents; any other type is Utf8. On
     * JSON documents an attribute whose path can select several values ({@code $.tags[*]},
     * {@code $..name}) is a List of that type. Each field's metadata holds the attribute's
     * identifier (hash field or JSONPath), type and sortability under the keys of
     * {@link SearchMetadata}. The mapping in full: {@code docs/search-index.md}.
     *
     * <p><b>Errors:</b> {@link io.redisarrow.core.RedisArrowException} when the server has no query
     * engine (saying what to load), runs RediSearch 1.x (too old), has no index of that name, or is
     * a Redis Cluster node whose query engine has no coordinator (each master indexes only its own keys; the message says which servers coordinate a search, and to scan instead; no {@code FT} command is sent); {@code RedisConnectionException} naming
     * {@code host:port} when Redis cannot be reached or the connection fails;
     * {@code RedisCommandTimeoutException} when the command exceeds the command timeout;
     * {@link IllegalStateException} after {@link #close()}.
     *
     * @param name the index name
     * @return the schema, read on subscription
     * @throws IllegalArgumentException when {@code name} is empty
     */
    public Mono<Schema> indexSchema(String name) {
        checkIndexName(name);
        return whileOpen(() -> session.indexInfo(name).map(IndexSchemas::of));
    }

    /**
     * Describes a RediSearch index ({@code FT.INFO}): the keys it covers, its attributes, how many
     * documents it holds, whether it is still indexing the keys that existed when it was created,
     * and how many cursors are open on it. Wait for {@link IndexInfo#indexing()} to turn false
     * before expecting a search to see every document written before {@code FT.CREATE}; writes
     * after it are indexed as they happen.
     *
     * <p><b>Errors:</b> as {@link #indexSchema(String)}.
     *
     * @param name the index name
     * @return the description, read on subscription
     */
    public Mono<IndexInfo> indexInfo(String name) {
        checkIndexName(name);
        return whileOpen(() -> session.indexInfo(name));
    }

    /**
     * Writes record batches as hashes: one hash per row, its key from the key column or template,
     * its fields from the other columns, each written as the text that a scan with the same schema
     * reads back to the same value; a Struct, List or Map column as its JSON text (the forms of
     * {@link JsonWrite}), which a scan reads back with {@link HashScan.Builder#json(String...)}.
     * Each key's write is atomic under every {@link WriteMode}, TTL included (see {@link HashWrite}
     * for the commands). One {@link WriteResult} per input batch, in input order.
     *
     * <p><b>Ownership:</b> the write owns every batch the publisher emits to it and closes it
     * exactly once: right after encoding it (before its round trip), or on cancel or error if it
     * was never encoded. Batches the publisher never emits stay the caller's.
     *
     * <p><b>Backpressure:</b> no batch is requested before the subscriber requests a result, and
     * at most {@link HashWrite#parallel()} batches are requested ahead of the results taken: a batch
     * is requested as an earlier one's result goes out, so the server's pace drives the publisher's,
     * and a slow result subscriber holds the input back. Encoding
     * runs on the {@code decodeOn} scheduler, never on an I/O thread. Each batch's commands go out
     * with one write and one flush on the write's own connection.
     *
     * <p><b>Cancellation:</b> stops requesting batches, closes those held and the connection.
     * Commands already sent may still be applied by the server; their replies are not read.
     *
     * <p><b>Errors:</b> before anything of the batch is written, {@link IllegalArgumentException}
     * for a missing key column or one that is not Utf8 or Binary, a template naming a missing
     * column, a missing TTL column or one that is not an integer type, two columns written under
     * one name, a batch with no column to write, a row whose key is null or empty, or a TTL that is
     * neither positive nor -1 or null; {@link UnsupportedArrowTypeException} for a column type with
     * no text form (a Binary inside a nested column, which JSON cannot hold, included). Keys the server refuses ({@code WRONGTYPE}, {@code OOM}, a script error) are
     * {@link WriteResult#failures()} and, under {@link WriteErrorPolicy#FAIL} (the default), a
     * {@link WriteFailedException} after the results before it; the batch's other keys are
     * written either way. Connection failures and timeouts as for
     * {@link #scanHashes(HashScan)}; an error of the publisher ends the write with it.
     *
     * @param batches the batches, of any schema holding the key (or template) columns
     * @param write the key, mode, TTL and columns
     * @return a cold publisher of one result per batch; each subscription runs its own write
     */
    public Flux<WriteResult> writeHashes(Publisher<RecordBatch> batches, HashWrite write) {
        Objects.requireNonNull(write, "write must not be null");
        return writes().run(batches, write, BatchEncoder.hashes(Writes.spec(write)), null);
    }

    /**
     * Writes record batches as JSON documents: one document per row, its key from the key column
     * or template, its top-level members from the other columns, each written as JSON that a
     * {@link #scanJson(JsonScan)} with the same schema reads back to the same values (nested
     * Struct, List and Map columns included). Each key's write is atomic under every
     * {@link WriteMode}, TTL included (see {@link JsonWrite} for the commands and the JSON forms).
     * One {@link WriteResult} per input batch, in input order. Needs the JSON module.
     *
     * <p><b>Ownership, backpressure, cancellation:</b> as {@link #writeHashes}.
     *
     * <p><b>Errors:</b> those of {@link #writeHashes}, and: {@link UnsupportedArrowTypeException}
     * for a column holding Binary (at any depth), which JSON cannot hold;
     * {@link IllegalArgumentException} for a MERGE of a member name holding {@code /} or
     * {@code ~}; a {@link io.redisarrow.core.RedisArrowException} saying what to load when the
     * server lacks the JSON module, before anything is written. A key holding another type fails
     * under MERGE ({@code WRONGTYPE}, no TTL set), is replaced under REPLACE, and is skipped under
     * SKIP_EXISTING.
     *
     * @param batches the batches, of any schema holding the key (or template) columns
     * @param write the key, mode, TTL and columns
     * @return a cold publisher of one result per batch; each subscription runs its own write
     */
    public Flux<WriteResult> writeJson(Publisher<RecordBatch> batches, JsonWrite write) {
        Objects.requireNonNull(write, "write must not be null");
        return writes().run(batches, write, BatchEncoder.json(Writes.spec(write)), "JSON.SET");
    }

    /**
     * Writes record batches as strings: one string per row, its key from the key column or
     * template, its value the cell of the value column, written as the text that a hash field
     * would hold (a Binary cell's bytes as they are). Each key's write is atomic, TTL included; see
     * {@link StringWrite} for the commands of each mode and what a null value does. One
     * {@link WriteResult} per input batch, in input order.
     *
     * <p><b>Ownership:</b> the write owns every batch the publisher emits to it and closes it
     * exactly once: right after encoding it (before its round trip), or on cancel or error if it
     * was never encoded. Batches the publisher never emits stay the caller's.
     *
     * <p><b>Backpressure:</b> at most {@link StringWrite#parallel()} batches are requested ahead of
     * the results taken, as for {@link #writeHashes}. Encoding runs on the {@code decodeOn}
     * scheduler, never on an I/O thread; each batch's commands go out with one write and one flush
     * on the write's own connection.
     *
     * <p><b>Cancellation:</b> stops requesting batches, closes those held and the connection.
     * Commands already sent may still be applied by the server; their replies are not read.
     *
     * <p><b>Errors:</b> before anything of the batch is written, {@link IllegalArgumentException}
     * for a missing value column, a missing key column or one that is not Utf8 or Binary, a
     * template naming a missing column, a missing TTL column or one that is not an integer type, a
     * row whose key is null or empty, or a TTL that is neither positive nor -1 or null;
     * {@link UnsupportedArrowTypeException} for a value column type with no text form. Keys the
     * server refuses ({@code OOM}, or {@code WRONGTYPE} for a MERGE row with a null value and a
     * TTL on a key of another type) are {@link WriteResult#failures()} and, under
     * {@link WriteErrorPolicy#FAIL} (the default), a {@link WriteFailedException} after the
     * results before it; the batch's other keys are written either way. Connection failures and
     * timeouts as for {@link #scanHashes(HashScan)}; an error of the publisher ends the write with
     * it.
     *
     * @param batches the batches, of any schema holding the key (or template) and value columns
     * @param write the key, value column, mode and TTL
     * @return a cold publisher of one result per batch; each subscription runs its own write
     */
    public Flux<WriteResult> writeStrings(Publisher<RecordBatch> batches, StringWrite write) {
        Objects.requireNonNull(write, "write must not be null");
        return writes().run(batches, write, BatchEncoder.strings(Writes.spec(write), write.valueColumn()), null);
    }

    /**
     * Writes record batches as sets: each row adds one member to the set at its key, its key from
     * the key column or template, its member the cell of the member column, written as the text
     * that a hash field would hold (a Binary cell's bytes as they are). The rows of one key within
     * a batch are grouped into one atomic write of that key (TTL included), keys in the order they
     * first appear. Under {@link WriteMode#REPLACE} a set holds exactly its key's members in the
     * batch, so a key's rows belong in one batch. A row whose member is null is skipped; with a TTL
     * column a key takes the TTL of its last row with a member. See {@link SetWrite} for the
     * commands of each mode. One {@link WriteResult} per input batch, in input order; a key the
     * server refuses counts all its rows of the batch as failed.
     *
     * <p><b>Ownership, backpressure, cancellation:</b> as for {@link #writeStrings}.
     *
     * <p><b>Errors:</b> before anything of the batch is written, {@link IllegalArgumentException}
     * for a missing member column, a missing key column or one that is not Utf8 or Binary, a
     * template naming a missing column, a missing TTL column or one that is not an integer type, a
     * row whose key is null or empty, or a TTL that is neither positive nor -1 or null;
     * {@link UnsupportedArrowTypeException} for a member column type with no text form. Keys the
     * server refuses ({@code WRONGTYPE}, {@code OOM}, a script error) are
     * {@link WriteResult#failures()} and, under {@link WriteErrorPolicy#FAIL} (the default), a
     * {@link WriteFailedException} after the results before it; the batch's other keys are
     * written either way. Connection failures and timeouts as for {@link #scanHashes(HashScan)};
     * an error of the publisher ends the write with it.
     *
     * @param batches the batches, of any schema holding the key (or template) and member columns
     * @param write the key, member column, mode and TTL
     * @return a cold publisher of one result per batch; each subscription runs its own write
     */
    public Flux<WriteResult> writeSets(Publisher<RecordBatch> batches, SetWrite write) {
        Objects.requireNonNull(write, "write must not be null");
        return writes().run(batches, write, BatchEncoder.sets(Writes.spec(write), write.memberColumn()), null);
    }

    /**
     * Writes record batches as lists: each row appends one element to the list at its key, its key
     * from the key column or template, its element the cell of the element column, written as the
     * text that a hash field would hold (a Binary cell's bytes as they are). The rows of one key
     * within a batch are grouped into one atomic write of that key (TTL included), keys in the
     * order they first appear, elements in row order ({@code RPUSH}). Under
     * {@link WriteMode#REPLACE} a list holds exactly its key's elements in the batch, so a key's
     * rows belong in one batch. A row whose element is null is skipped; with a TTL column a key
     * takes the TTL of its last row with an element; batches are applied in input order, so a list's
     * elements keep their order across batches. See {@link ListWrite} for the commands of each mode. One
     * {@link WriteResult} per input batch, in input order; a key the server refuses counts all its
     * rows of the batch as failed.
     *
     * <p><b>Ownership, backpressure, cancellation:</b> as for {@link #writeStrings}.
     *
     * <p><b>Errors:</b> before anything of the batch is written, {@link IllegalArgumentException}
     * for a missing element column, a missing key column or one that is not Utf8 or Binary, a
     * template naming a missing column, a missing TTL column or one that is not an integer type, a
     * row whose key is null or empty, or a TTL that is neither positive nor -1 or null;
     * {@link UnsupportedArrowTypeException} for an element column type with no text form. Keys the
     * server refuses ({@code WRONGTYPE}, {@code OOM}, a script error) are
     * {@link WriteResult#failures()} and, under {@link WriteErrorPolicy#FAIL} (the default), a
     * {@link WriteFailedException} after the results before it; the batch's other keys are
     * written either way. Connection failures and timeouts as for {@link #scanHashes(HashScan)};
     * an error of the publisher ends the write with it.
     *
     * @param batches the batches, of any schema holding the key (or template) and element columns
     * @param write the key, element column, mode and TTL
     * @return a cold publisher of one result per batch; each subscription runs its own write
     */
    public Flux<WriteResult> writeLists(Publisher<RecordBatch> batches, ListWrite write) {
        Objects.requireNonNull(write, "write must not be null");
        return writes().run(batches, write, BatchEncoder.lists(Writes.spec(write), write.elementColumn()), null);
    }

    /**
     * Writes record batches as sorted sets: each row adds one member with its score to the sorted
     * set at its key, its key from the key column or template, its member the cell of the member
     * column (written as the text that a hash field would hold; a Binary cell's bytes as they are),
     * its score the cell of the score column (an integer, floating-point or decimal type). The
     * rows of one key within a batch are grouped into one atomic write of that key (TTL included),
     * keys in the order they first appear; a member that appears twice gets its last row's score.
     * Under {@link WriteMode#REPLACE} a sorted set holds exactly its key's members in the batch, so
     * a key's rows belong in one batch. A row whose member is null is skipped; with a TTL column a
     * key takes the TTL of its last row with a member. See {@link SortedSetWrite} for the commands
     * of each mode. One {@link WriteResult} per input batch, in input order; a key the server
     * refuses counts all its rows of the batch as failed.
     *
     * <p><b>Ownership, backpressure, cancellation:</b> as for {@link #writeStrings}.
     *
     * <p><b>Errors:</b> before anything of the batch is written, {@link IllegalArgumentException}
     * for a missing member or score column, a score column that is not numeric, a row with a
     * member and a null or NaN score, a missing key column or one that is not Utf8 or Binary, a
     * template naming a missing column, a missing TTL column or one that is not an integer type, a
     * row whose key is null or empty, or a TTL that is neither positive nor -1 or null;
     * {@link UnsupportedArrowTypeException} for a member column type with no text form. Keys the
     * server refuses ({@code WRONGTYPE}, {@code OOM}, a script error) are
     * {@link WriteResult#failures()} and, under {@link WriteErrorPolicy#FAIL} (the default), a
     * {@link WriteFailedException} after the results before it; the batch's other keys are
     * written either way. Connection failures and timeouts as for {@link #scanHashes(HashScan)};
     * an error of the publisher ends the write with it.
     *
     * @param batches the batches, of any schema holding the key (or template), member and score
     *        columns
     * @param write the key, member and score columns, mode and TTL
     * @return a cold publisher of one result per batch; each subscription runs its own write
     */
    public Flux<WriteResult> writeSortedSets(Publisher<RecordBatch> batches, SortedSetWrite write) {
        Objects.requireNonNull(write, "write must not be null");
        return writes().run(batches, write,
                BatchEncoder.sortedSets(Writes.spec(write), write.memberColumn(), write.scoreColumn()), null);
    }

    private Writes writes() {
        return new Writes(session, decodeScheduler);
    }

    private static void checkIndexName(String name) {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
    }

    private <T> Mono<T> whileOpen(Supplier<Mono<T>> command) {
        return Mono.defer(() -> closed.get() ? Mono.error(new IllegalStateException("this RedisArrow is closed"))
                : command.get());
    }

    /**
     * Counts the keys of the database, for the progress of a scan: {@code DBSIZE} on a standalone
     * server, its sum over every master of a Redis Cluster. An upper bound for progress, not the
     * size of a scan: it counts keys of every type and every name, not only those a scan's pattern
     * and type select. Set it against {@link io.redisarrow.core.ScanCheckpoint#keysDelivered()} of
     * the last batch ({@link RecordBatch#checkpoint()}).
     *
     * <p><b>Errors:</b> {@code RedisConnectionException} naming {@code host:port} when Redis cannot
     * be reached or the connection fails; {@code RedisCommandTimeoutException} when a node does not
     * answer within the command timeout; {@link IllegalStateException} after {@link #close()}.
     *
     * @return the key count, read on subscription
     */
    public Mono<Long> keyCount() {
        return whileOpen(session::keyCount);
    }

    /**
     * Closes the connection and the client, then the allocator if this instance created it. A
     * batch that was being decoded when its read was cancelled is closed as soon as its decoding
     * ends, on the decoding thread: so that closing right after a cancel does not find it open, this
     * waits for such batches, up to {@value #CLOSE_WAIT_MILLIS} ms, before closing the allocator.
     * Closing the allocator fails with {@link IllegalStateException} if batches are still open
     * then (a leak in the caller's code). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        session.close();
        if (ownsAllocator) {
            long deadline = System.nanoTime() + CLOSE_WAIT_MILLIS * 1_000_000L;
            while (allocator.getAllocatedMemory() != 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                Thread.yield();
            }
            allocator.close();
        }
    }


    /** Builder of {@link RedisArrow}. */
    public static final class Builder {

        private final ConnectionOptions.Builder connection = ConnectionOptions.builder();

        private BufferAllocator allocator;

        private Scheduler decodeScheduler = Schedulers.parallel();

        private Builder() {
        }

        /**
         * @param url {@code redis://[[user]:password@]host[:port][/database][?timeout=30s]} or
         *        {@code rediss://...}; required
         * @return this builder
         * @throws IllegalArgumentException when the URL is malformed
         */
        public Builder url(String url) {
            connection.url(url);
            return this;
        }

        /**
         * Uses the caller's allocator for every batch. The caller keeps ownership:
         * {@link RedisArrow#close()} never closes it.
         *
         * @param allocator the allocator
         * @return this builder
         */
        public Builder allocator(BufferAllocator allocator) {
            this.allocator = Objects.requireNonNull(allocator, "allocator must not be null");
            return this;
        }

        /**
         * @param timeout how long to wait for the connection, see
         *        {@link ConnectionOptions#DEFAULT_CONNECT_TIMEOUT}
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            connection.connectTimeout(timeout);
            return this;
        }

        /**
         * @param timeout the longest one round trip (one batch) may take, see
         *        {@link ConnectionOptions#DEFAULT_COMMAND_TIMEOUT}
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            connection.commandTimeout(timeout);
            return this;
        }

        /**
         * How scans ride out transient failures (a connection reset or refused, a server loading
         * its data, a cluster failing over or moving slots): each node's scan waits and continues
         * from the last SCAN cursor whose keys were all handed on. {@link RetryPolicy#DEFAULT}
         * unless set; {@link RetryPolicy#NONE} fails a scan at its first failure. See
         * {@code docs/operations.md}.
         *
         * @param retry the policy
         * @return this builder
         */
        public Builder retry(RetryPolicy retry) {
            connection.retry(retry);
            return this;
        }

        /**
         * On a Redis Cluster, whether scans read each master's slots from one of its replicas (when
         * it has one), leaving the masters to the application. Replicas lag behind their master, so
         * a key written just before may be missing. Off by default; a standalone Redis ignores it.
         *
         * @param readFromReplicas whether to read from replicas
         * @return this builder
         */
        public Builder readFromReplicas(boolean readFromReplicas) {
            connection.readFromReplicas(readFromReplicas);
            return this;
        }

        /**
         * Records the meters of every read and write in this Micrometer registry: rows, batches,
         * bytes, round trips (a timer, by outcome), round trips in flight, retries, errors and
         * active reads, named {@code redisarrow.*} and tagged with the operation ({@code hash},
         * {@code json}, ...) and the node ({@code host:port}); {@code docs/operations.md} lists
         * them. Micrometer is an optional dependency: an application that calls this has it on its
         * class path; one that does not needs no Micrometer at all. Reads log through SLF4J either
         * way.
         *
         * @param registry the registry; null (the default) for no metrics
         * @return this builder
         */
        public Builder meterRegistry(@Nullable MeterRegistry registry) {
            connection.meterRegistry(registry);
            return this;
        }

        /**
         * Where raw replies are decoded into Arrow vectors and batches are emitted; by default
         * {@link Schedulers#parallel()}, which keeps decoding off Redis I/O threads.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder decodeOn(Scheduler scheduler) {
            this.decodeScheduler = Objects.requireNonNull(scheduler, "decodeOn must not be null");
            return this;
        }

        /** @return the instance; no connection is made yet */
        public RedisArrow build() {
            ConnectionOptions options = connection.build();
            Objects.requireNonNull(options);
            return new RedisArrow(this);
        }
    }
}
