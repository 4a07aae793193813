package io.redisarrow.samples.webflux;

import io.lettuce.core.RedisConnectionException;
import io.redisarrow.arrow.ArrowIpc;
import io.redisarrow.arrow.ArrowIpcException;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.HashWrite;
import io.redisarrow.arrow.NdJson;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.SearchQuery;
import io.redisarrow.arrow.WriteErrorPolicy;
import io.redisarrow.core.RedisArrowException;
import org.apache.arrow.memory.BufferAllocator;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The users endpoints. Every response body streams: batches are read from Redis only as fast as
 * the client takes the bytes, and a client that goes away cancels the read, which closes its
 * batches and its connection.
 */
final class UsersHandler {

    /** {@link ArrowIpc#MEDIA_TYPE} as a Spring media type. */
    static final MediaType ARROW = MediaType.parseMediaType(ArrowIpc.MEDIA_TYPE);

    /** {@link NdJson#MEDIA_TYPE} as a Spring media type. */
    static final MediaType NDJSON = MediaType.parseMediaType(NdJson.MEDIA_TYPE);

    private final RedisArrow redis;

    private final UsersIndex index;

    private final int batchSize;

    UsersHandler(RedisArrow redis, UsersIndex index, int batchSize) {
        this.redis = redis;
        this.index = index;
        this.batchSize = batchSize;
    }

    /** {@code GET /users}, Arrow IPC: the scan's schema, then one message per batch. */
    Mono<ServerResponse> scanArrow(ServerRequest request) {
        return respond(() -> {
            HashScan scan = new UsersRequest(request).scan(batchSize);
            return ok(ARROW, ResponseBodies.arrow(scan.batchSchema(), read(redis.scanHashes(scan), HttpStatus.INTERNAL_SERVER_ERROR)));
        });
    }

    /** {@code GET /users}, NDJSON: one object per user. */
    Mono<ServerResponse> scanNdjson(ServerRequest request) {
        return respond(() -> ok(NDJSON, ResponseBodies.ndjson(read(redis.scanHashes(new UsersRequest(request).scan(batchSize)),
                HttpStatus.INTERNAL_SERVER_ERROR))));
    }

    /** {@code GET /users/search?q=...}, Arrow IPC; 501 when the server cannot search. */
    Mono<ServerResponse> searchArrow(ServerRequest request) {
        return search(request, ARROW, query -> ResponseBodies.arrow(query.batchSchema(), read(redis.search(query), HttpStatus.BAD_REQUEST)));
    }

    /** {@code GET /users/search?q=...}, NDJSON; 501 when the server cannot search. */
    Mono<ServerResponse> searchNdjson(ServerRequest request) {
        return search(request, NDJSON, query -> ResponseBodies.ndjson(read(redis.search(query), HttpStatus.BAD_REQUEST)));
    }

    /**
     * {@code POST /users?mode=MERGE|REPLACE|SKIP_EXISTING}: writes an Arrow IPC stream of rows with
     * a {@code _key} column as hashes, answering an {@link UploadSummary}. The upload's batches live
     * in an allocator of their own, closed once the write ends, so a batch left open fails the
     * request rather than leaking.
     */
    Mono<ServerResponse> upload(ServerRequest request) {
        return respond(() -> {
            HashWrite write = HashWrite.builder().mode(new UsersRequest(request).mode())
                    .onWriteError(WriteErrorPolicy.REPORT).build();
            Flux<ByteBuffer> chunks = request.bodyToFlux(DataBuffer.class).map(UsersHandler::copy);
            return Mono.using(() -> redis.allocator().newChildAllocator("upload", 0, Long.MAX_VALUE),
                            allocator -> redis.writeHashes(ArrowIpc.read(chunks, allocator), write).collectList(),
                            BufferAllocator::close)
                    .map(UploadSummary::of)
                    .flatMap(summary -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(summary));
        });
    }

    /** Any other {@code Accept} on the read endpoints. */
    Mono<ServerResponse> notAcceptable(ServerRequest request) {
        return ServerResponse.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("Accept " + ArrowIpc.MEDIA_TYPE + " or " + NdJson.MEDIA_TYPE + "\n");
    }

    /** An upload of another content type. */
    Mono<ServerResponse> unsupportedMediaType(ServerRequest request) {
        return ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("upload an Arrow IPC stream, Content-Type: " + ArrowIpc.MEDIA_TYPE + "\n");
    }

    private Mono<ServerResponse> search(ServerRequest request, MediaType type, Function<SearchQuery, Flux<DataBuffer>> body) {
        if (index.unavailable().isPresent()) {
            return ServerResponse.status(HttpStatus.NOT_IMPLEMENTED).contentType(MediaType.TEXT_PLAIN)
                    .bodyValue(index.unavailable().get() + "\n");
        }
        return respond(() -> {
            SearchQuery query = new UsersRequest(request).search(index.name(), batchSize);
            return ok(type, body.apply(query));
        });
    }

    /**
     * @param batches a read
     * @param rejected the status of a {@link RedisArrowException} (a query the server rejects is the
     *        client's fault; a scan's is not)
     * @return the read, its errors as statuses; they reach the client only if nothing was sent yet
     */
    private static Flux<RecordBatch> read(Flux<RecordBatch> batches, HttpStatus rejected) {
        return batches.onErrorMap(RedisConnectionException.class,
                        e -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), e))
                .onErrorMap(RedisArrowException.class, e -> new ResponseStatusException(rejected, e.getMessage(), e));
    }

    private static Mono<ServerResponse> ok(MediaType type, Flux<DataBuffer> body) {
        return ServerResponse.ok().contentType(type).body(BodyInserters.fromDataBuffers(body));
    }

    /** Bad parameters and malformed uploads are the client's fault: 400 with the reason. */
    private static Mono<ServerResponse> respond(Supplier<Mono<ServerResponse>> response) {
        return Mono.defer(response)
                .onErrorMap(e -> e instanceof IllegalArgumentException || e instanceof ArrowIpcException,
                        e -> new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e));
    }

    private static ByteBuffer copy(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return ByteBuffer.wrap(bytes);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
