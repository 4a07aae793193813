package io.redisarrow.samples.webflux;

import io.redisarrow.arrow.ArrowIpc;
import io.redisarrow.arrow.NdJson;
import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Response bodies made of record batches. Two things keep a slow client from costing memory:
 * the library closes each batch once it is serialized, and each serialized message goes out in
 * slices of at most {@link #SLICE_BYTES}, so the items the HTTP layer requests ahead (Reactor
 * Netty asks for up to 128 at a time) hold a few megabytes rather than as many whole batches. And
 * nothing is written until the read's first signal: a read that fails at once (a rejected query,
 * Redis unreachable) fails the exchange before the status is sent, so the client gets an error
 * status rather than a 200 with a cut stream.
 */
final class ResponseBodies {

    /** The largest buffer handed to the HTTP layer. */
    static final int SLICE_BYTES = 16 * 1024;

    private ResponseBodies() {
    }

    /**
     * @param schema the batches' schema, sent first even when no batch comes
     * @param batches the read
     * @return the Arrow IPC stream
     */
    static Flux<DataBuffer> arrow(Schema schema, Flux<RecordBatch> batches) {
        return body(batches, started -> ArrowIpc.write(schema, started));
    }

    /**
     * @param batches the read
     * @return one JSON object per row, one line each
     */
    static Flux<DataBuffer> ndjson(Flux<RecordBatch> batches) {
        return body(batches, NdJson::write);
    }

    private static Flux<DataBuffer> body(Flux<RecordBatch> batches, Function<Flux<RecordBatch>, Flux<ByteBuffer>> format) {
        return batches
                .switchOnFirst((first, started) -> first.isOnError() ? Flux.<ByteBuffer>error(first.getThrowable())
                        : format.apply(started))
                .concatMapIterable(ResponseBodies::slices, 1)
                .<DataBuffer>map(DefaultDataBufferFactory.sharedInstance::wrap)
                .doOnDiscard(RecordBatch.class, RecordBatch::close);
    }

    /**
     * @param buffer a message
     * @return views of it, {@link #SLICE_BYTES} each but the last
     */
    static List<ByteBuffer> slices(ByteBuffer buffer) {
        List<ByteBuffer> slices = new ArrayList<>(buffer.remaining() / SLICE_BYTES + 1);
        for (int at = buffer.position(); at < buffer.limit(); at += SLICE_BYTES) {
            slices.add(buffer.slice(at, Math.min(SLICE_BYTES, buffer.limit() - at)));
        }
        return slices;
    }
}
