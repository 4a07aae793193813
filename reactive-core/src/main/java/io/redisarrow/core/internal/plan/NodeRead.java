package io.redisarrow.core.internal.plan;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.RetryPolicy;
import io.redisarrow.core.ScanCheckpoint;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.fetch.KeyBatchFetch;
import io.redisarrow.core.internal.observe.ReadObserver;
import io.redisarrow.core.internal.source.KeyTypeFilter;
import io.redisarrow.core.internal.source.ScanKeySource;
import io.redisarrow.core.internal.source.ScanPositions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scan of one node, with its retries: SCAN on the node, batches of keys fetched on the read's
 * own connection to it ({@link ReadPipeline}), each batch tagged with where the node's scan then
 * stands ({@link RawBatch#node()}: cursor, keys handed on, the node's identity).
 *
 * <p>A transient failure ({@link Failures}) is retried as the {@link RetryPolicy} says: after a
 * wait, the node is looked up again ({@link NodeTarget}, which follows a failover) and its scan
 * starts again from the last position handed on. When the node is no longer the same process
 * (another {@code run_id}), another node or serves other slots, the old cursor means nothing there
 * and its scan starts over from the beginning. A resumed read starts the same way from the
 * checkpoint's position of this node. The node's end is marked by an empty batch saying that its
 * scan has finished.
 */
public final class NodeRead {

    private final int part;

    private final NodeTarget target;

    private final ReadRequest request;

    private final BatchPlan plan;

    private final @Nullable KeyBudget budget;

    private final Duration timeout;

    private final RetryPolicy retry;

    private final ReadObserver observer;

    private final AtomicInteger failuresInRow = new AtomicInteger();

    private volatile ScanCheckpoint.@Nullable Node last;

    NodeRead(int part, NodeTarget target, ReadRequest request, BatchPlan plan, @Nullable KeyBudget budget, Duration timeout,
            RetryPolicy retry, ReadObserver observer, ScanCheckpoint.@Nullable Node start) {
        this.part = part;
        this.target = target;
        this.request = request;
        this.plan = plan;
        this.budget = budget;
        this.timeout = timeout;
        this.retry = retry;
        this.observer = observer;
        this.last = start;
    }

    /** @return the node's batches in key order, then an empty batch marking its end */
    Flux<RawBatch> batches() {
        return attempt(false)
                .doOnError(observer::ended)
                .doOnComplete(() -> observer.ended(null))
                .doOnCancel(() -> observer.ended(null));
    }

    private Flux<RawBatch> attempt(boolean again) {
        return target.resolve(again).flatMapMany(this::run).onErrorResume(failure -> {
            target.failed(failure);
            int attempt = failuresInRow.incrementAndGet();
            if (!Failures.isTransient(failure) || attempt > retry.maxRetries()) {
                return Flux.error(attempt > 1 ? gaveUp(failure, attempt - 1) : failure);
            }
            Duration wait = retry.backoff(attempt);
            observer.retry(attempt, wait, failure);
            return Mono.delay(wait).thenMany(Flux.defer(() -> attempt(true)));
        });
    }

    private Flux<RawBatch> run(NodeAccess node) {
        ScanCheckpoint.Node from = last;
        boolean same = from != null && !from.runId().isEmpty() && from.runId().equals(node.runId())
                && from.id().equals(node.id()) && from.slots().equals(node.slots());
        if (same && from.finished()) {
            return Flux.just(finished(node, from.keys()));
        }
        long base = same ? from.keys() : 0;
        ScanPositions positions = new ScanPositions(same ? from.cursor() : "0");
        KeyTypeFilter types = new KeyTypeFilter(request.typeFilter(), request.values().keyType());
        ScanKeySource keys = new ScanKeySource(node.scan(), node.address(), request.pattern(), plan.countHint(), types,
                timeout, positions);
        long[] handedOn = { 0 };
        return Flux.usingWhen(node.endpoint().connect(observer),
                channel -> ReadPipeline.batches(keys, KeyBatchFetch.of(channel, request.values(), plan.batchSize(),
                        request.withTtl(), timeout, types::otherTypeSeen, !node.id().isEmpty()), plan.batchSize(),
                        plan.parallel(), budget),
                RedisChannel::close)
                .map(batch -> {
                    handedOn[0] = batch.keysRead();
                    ScanPositions.Position at = positions.after(batch.keysRead());
                    ScanCheckpoint.Node position = new ScanCheckpoint.Node(node.id(), node.address(), node.runId(),
                            node.slots(), at.cursor(), at.finished(), base + batch.keysRead());
                    last = position;
                    batch.node(part, position);
                    if (batch.rowCount() > 0) {
                        failuresInRow.set(0);
                        observer.batch(batch.rowCount(), batch.dataSize());
                    }
                    return batch;
                })
                .concatWith(Mono.fromSupplier(() -> finished(node, base + handedOn[0])));
    }

    private RawBatch finished(NodeAccess node, long keys) {
        ScanCheckpoint.Node end = new ScanCheckpoint.Node(node.id(), node.address(), node.runId(), node.slots(), "0",
                true, keys);
        last = end;
        RawBatch marker = ReadPipeline.marker(keys);
        marker.node(part, end);
        return marker;
    }

    private static Throwable gaveUp(Throwable failure, int retries) {
        failure.addSuppressed(new RetriesExhausted(retries));
        return failure;
    }

    /** Says, attached to the last failure, that the retries ran out. */
    static final class RetriesExhausted extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RetriesExhausted(int retries) {
            super("gave up after " + retries + " retries in a row (see the read's RetryPolicy)", null, false, false);
        }
    }
}
