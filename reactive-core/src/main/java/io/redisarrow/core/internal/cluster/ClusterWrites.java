package io.redisarrow.core.internal.cluster;

import io.redisarrow.core.internal.observe.ReadObserver;

import io.redisarrow.core.RetryPolicy;
import io.redisarrow.core.WriteEncoder;
import io.redisarrow.core.WriteOutcome;
import io.redisarrow.core.WriteRequest;
import io.redisarrow.core.internal.write.WriteChannels;
import io.redisarrow.core.internal.write.WritePipeline;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.Function;

/**
 * A write to a Redis Cluster: the {@link WritePipeline} (encoding, input order, backpressure and
 * ownership as on one server: at most {@code parallel} batches in flight in all), each batch split
 * by the master serving each key's hash slot and sent to them all in one round trip each
 * ({@link ClusterBatchSender}, which also follows redirects and retries what a failover or a
 * resharding refused). The write opens its own connection to each master at the first batch that
 * goes there, loads its scripts on it, and closes them all when it ends ({@link WriteChannels}).
 */
public final class ClusterWrites {

    private ClusterWrites() {
    }

    /**
     * @param input the items
     * @param encoder encodes and closes them
     * @param cluster the cluster
     * @param request parallelism, encoding scheduler and scripts
     * @param timeout the longest one round trip may take
     * @param retry how units refused for a while ({@code TRYAGAIN}, {@code CLUSTERDOWN}) are sent again
     * @param observers what the write on each master (by {@code host:port}) reports to
     * @param <T> the item type
     * @return one outcome per item, in input order
     */
    public static <T> Flux<WriteOutcome> write(Publisher<T> input, WriteEncoder<T> encoder, ClusterConnections cluster,
            WriteRequest request, Duration timeout, RetryPolicy retry, Function<String, ReadObserver> observers) {
        return Flux.usingWhen(Mono.fromSupplier(() -> new WriteChannels(request.scripts(), timeout, observers)),
                channels -> cluster.topology().flatMapMany(start -> WritePipeline.write(input, encoder, request,
                        Mono.empty(), new ClusterBatchSender(cluster, new WriteTopology(cluster, start), channels,
                                timeout, retry))),
                WriteChannels::close);
    }
}
