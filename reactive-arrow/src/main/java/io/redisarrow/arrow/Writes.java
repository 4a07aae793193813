package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.write.BatchEncoder;
import io.redisarrow.arrow.internal.write.WriteSpec;
import io.redisarrow.core.RedisSession;
import io.redisarrow.core.WriteRequest;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a write of record batches for {@link RedisArrow}: the options become a {@link WriteSpec}
 * and a data type's {@link BatchEncoder}, the Redis side's write pipeline sends them, and each
 * outcome becomes a {@link WriteResult}, or a {@link WriteFailedException} under
 * {@link WriteErrorPolicy#FAIL}.
 */
final class Writes {

    private final RedisSession session;

    private final Scheduler encodeOn;

    Writes(RedisSession session, Scheduler encodeOn) {
        this.session = session;
        this.encodeOn = encodeOn;
    }

    static WriteSpec spec(WriteOptions options) {
        Set<String> excluded = options instanceof FieldWriteOptions fields ? fields.excluded() : Set.of();
        Map<String, String> renamed = options instanceof FieldWriteOptions fields ? fields.renamed() : Map.of();
        return new WriteSpec(options.keyColumn(), options.keyTemplate(), options.mode(), options.ttl(),
                options.ttlColumn(), excluded, renamed);
    }

    Flux<WriteResult> run(Publisher<RecordBatch> batches, WriteOptions options, BatchEncoder encoder,
            @Nullable String requiredCommand) {
        Objects.requireNonNull(batches, "batches must not be null");
        WriteRequest request = new WriteRequest(options.parallel(), encodeOn, encoder.scripts(), requiredCommand);
        WriteErrorPolicy policy = options.onWriteError();
        return session.write(batches, encoder, request).handle((outcome, sink) -> {
            WriteResult result = WriteResult.of(outcome);
            if (policy == WriteErrorPolicy.FAIL && result.hasFailures()) {
                sink.error(new WriteFailedException(result));
            } else {
                sink.next(result);
            }
        });
    }
}
