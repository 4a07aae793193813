package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.decode.FluxDecode;
import io.redisarrow.arrow.internal.decode.RawBatchDecoder;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.memory.BufferAllocator;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

import java.util.function.Function;

/**
 * Turns a read's raw batches into {@link RecordBatch}es: the last stage of every scan, where the
 * library's off-heap memory is allocated and handed to the subscriber.
 */
final class RecordBatches {

    private RecordBatches() {
    }

    /**
     * @param raw the raw batches
     * @param decoder their layout
     * @param allocator where the vectors' memory comes from
     * @param scheduler where decoding runs
     * @return the batches; see {@link FluxDecode} for who closes what
     */
    static Flux<RecordBatch> decode(Flux<RawBatch> raw, RawBatchDecoder decoder, BufferAllocator allocator,
            Scheduler scheduler) {
        return decode(raw, r -> {
            var decoded = decoder.decode(r, allocator);
            return new RecordBatch(decoded.root(), decoded.nulledValues(), r.checkpoint());
        }, scheduler);
    }

    /**
     * @param raw the raw batches
     * @param decode makes a batch of a raw batch
     * @param scheduler where decoding runs
     * @return the batches
     */
    static Flux<RecordBatch> decode(Flux<RawBatch> raw, Function<RawBatch, RecordBatch> decode, Scheduler scheduler) {
        return new FluxDecode<>(raw, decode, RecordBatch::close, scheduler);
    }
}
