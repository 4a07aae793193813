package io.redisarrow.core.internal.plan;

import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.RetryPolicy;
import io.redisarrow.core.ScanCheckpoint;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import io.redisarrow.core.internal.fetch.KeyBatchFetch;
import io.redisarrow.core.internal.observe.ReadObserver;
import io.redisarrow.core.internal.source.KeySource;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Entry point of every keyspace read. A scan reads one or more nodes (one for a standalone Redis,
 * every master of a cluster), each with its own SCAN and its own fetch connection
 * ({@link NodeRead}), merges their batches, numbers the rows and applies the limit across them
 * ({@link RowLimit}), and gives each batch the scan's checkpoint ({@link Checkpoints}). Reads of
 * other key sources (search results) go through the same pipeline on one node.
 */
public final class Reads {

    private Reads() {
    }

    /**
     * One part of a scan: a node and where its scan starts.
     *
     * @param target finds the node at each attempt
     * @param start its position in the checkpoint resumed from, or null to start at the beginning
     * @param observer what it reports to
     */
    public record Part(NodeTarget target, ScanCheckpoint.@Nullable Node start, ReadObserver observer) {
    }

    /**
     * @param parts the nodes to scan, in parallel
     * @param request what to read ({@link ReadRequest#resumeFrom()} gives the rows delivered before)
     * @param timeout the longest one round trip may take
     * @param retry how transient failures are retried
     * @param repair the slots that must be read again once the nodes' scans end, asked for each
     *        checkpoint
     * @param after what to read once every part has ended (reading those slots again), given the
     *        parts' shared key budget
     * @return the batches of every part, each part's in key order; at most
     *         {@link ReadRequest#parallel()} round trips in flight per part
     */
    public static Flux<RawBatch> scan(List<Part> parts, ReadRequest request, Duration timeout, RetryPolicy retry,
            Supplier<String> repair, Function<Budget, Flux<RawBatch>> after) {
        long limit = request.limit();
        ScanCheckpoint resumed = request.resumeFrom();
        long firstRow = resumed == null ? 0 : resumed.rows();
        if (limit == 0 || firstRow >= limit) {
            return Flux.empty();
        }
        return Flux.defer(() -> {
            BatchPlan plan = BatchPlan.of(request);
            boolean collection = request.values() instanceof CollectionValues;
            boolean grouped = collection && ((CollectionValues) request.values()).groupedByKey();
            KeyBudget budget = limit == Long.MAX_VALUE || collection ? null : new KeyBudget(limit - firstRow);
            List<Flux<RawBatch>> reads = new ArrayList<>(parts.size());
            List<ScanCheckpoint.Node> starts = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                Part part = parts.get(i);
                starts.add(part.start());
                reads.add(new NodeRead(i, part.target(), request, plan, budget, timeout, retry, part.observer(),
                        part.start()).batches());
            }
            Flux<RawBatch> merged = reads.size() == 1 ? reads.get(0) : Flux.merge(Flux.fromIterable(reads), reads.size(), 1);
            Flux<RawBatch> all = merged.concatWith(Flux.defer(() -> after.apply(new Budget(budget))));
            return Checkpoints.apply(RowLimit.apply(all, limit, grouped, firstRow), request.pattern(), starts, repair,
                    grouped);
        });
    }

    /**
     * Reads a list of keys on one node after a scan (slots read again), sharing the scan's key budget.
     *
     * @param keys the keys
     * @param endpoint where the read's channel connects
     * @param request what to fetch per key
     * @param timeout the longest one round trip may take
     * @param budget the scan's key budget
     * @return the batches, without positions
     */
    public static Flux<RawBatch> keys(KeySource keys, RedisEndpoint endpoint, ReadRequest request, Duration timeout,
            Budget budget) {
        BatchPlan plan = BatchPlan.of(request);
        return Flux.usingWhen(endpoint.connect(), channel -> ReadPipeline.batches(keys,
                KeyBatchFetch.of(channel, request.values(), plan.batchSize(), request.withTtl(), timeout, () -> {
                }, true), plan.batchSize(), plan.parallel(), budget.budget()), RedisChannel::close)
                .doOnNext(batch -> batch.keysRead(-1));
    }

    /** The keys a limited scan may still send, shared by its parts; opaque outside this package. */
    public record Budget(@Nullable KeyBudget budget) {
    }

    /**
     * Reads the keys of another source (search results) as a scan reads SCAN's: batches of keys,
     * pipelined value commands on the read's own channel, in key order.
     *
     * @param keys where the keys come from
     * @param endpoint where the read's channel connects
     * @param request what to fetch per key, batch sizes, limit and TTL (its pattern and SCAN
     *        options are not used)
     * @param timeout the longest one round trip may take
     * @param observer what the read's channel reports its round trips to
     * @return the batches; see {@link ReadPipeline}
     */
    public static Flux<RawBatch> read(KeySource keys, RedisEndpoint endpoint, ReadRequest request, Duration timeout,
            ReadObserver observer) {
        BatchPlan plan = BatchPlan.of(request);
        return Flux.usingWhen(endpoint.connect(observer), channel -> ReadPipeline.read(keys,
                KeyBatchFetch.of(channel, request.values(), plan.batchSize(), request.withTtl(), timeout, () -> {
                }), plan.batchSize(), plan.parallel(), request.limit()), RedisChannel::close);
    }

    /**
     * Numbers the rows of batches read without keys (aggregation pages), drops empty ones and stops
     * after {@code limit} rows, cancelling the source.
     *
     * @param batches the batches
     * @param limit the most rows, {@link Long#MAX_VALUE} for no limit
     * @return the batches
     */
    public static Flux<RawBatch> rows(Flux<RawBatch> batches, long limit) {
        return limit == 0 ? Flux.empty() : RowLimit.apply(batches, limit, false, 0);
    }
}
