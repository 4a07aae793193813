package io.redisarrow.core.internal.write;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteEncoder;
import io.redisarrow.core.WriteOutcome;
import io.redisarrow.core.WriteRequest;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.channel.Timeouts;
import io.redisarrow.core.internal.plan.DemandGate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Writes a stream of input items: each item is encoded on the request's scheduler (and closed),
 * its commands go out with one write and one flush per connection ({@link BatchSender}: one
 * connection, or the masters of a cluster), and its replies are read into a {@link WriteOutcome};
 * outcomes come out in input order. Items are encoded in
 * parallel but sent in input order (each waits until the one before it was sent or ended), so the
 * server applies them in input order: a later batch's write of a key wins over an earlier one's. At most
 * {@link WriteRequest#parallel()} items are held at once (encoding, in flight, or done and waiting
 * for their turn), and a new item is requested only as an earlier one's outcome goes out, so the
 * server's pace drives the input's. No item is requested before the subscriber asks for an
 * outcome ({@link DemandGate}). Every item received is closed exactly once and every buffer
 * encoded is sent or released, on completion, error and cancel alike ({@link Slot},
 * {@link Holdings}).
 */
public final class WritePipeline {

    private WritePipeline() {
    }

    /**
     * Writes on one connection: the request's scripts are loaded on it first.
     *
     * @param input the items
     * @param encoder encodes and closes them
     * @param channel the write's connection
     * @param request parallelism, encoding scheduler and scripts
     * @param timeout the longest one round trip may take
     * @param <T> the item type
     * @return one outcome per item, in order
     */
    public static <T> Flux<WriteOutcome> write(Publisher<T> input, WriteEncoder<T> encoder, RedisChannel channel,
            WriteRequest request, Duration timeout) {
        return write(input, encoder, request, ScriptLoad.load(channel, request.scripts())
                .timeout(timeout, Mono.error(() -> Timeouts.exception("SCRIPT LOAD", timeout))),
                (batch, handover) -> send(batch, handover, channel, timeout));
    }

    /**
     * Writes through any sender, with the same encoding, order, backpressure and ownership.
     *
     * @param input the items
     * @param encoder encodes and closes them
     * @param request parallelism and encoding scheduler
     * @param before what must complete before the first item is requested, such as loading scripts
     * @param sender sends each batch that has units, in input order, and reads its outcome
     * @param <T> the item type
     * @return one outcome per item, in order
     */
    public static <T> Flux<WriteOutcome> write(Publisher<T> input, WriteEncoder<T> encoder, WriteRequest request,
            Mono<Void> before, BatchSender sender) {
        return DemandGate.gate(opened -> before
                .then(opened)
                .thenMany(Flux.defer(() -> {
                    Holdings holdings = new Holdings();
                    SendOrder order = new SendOrder();
                    return Flux.from(input)
                            .flatMapSequential(item -> one(hold(item, encoder, holdings), order.next(), sender,
                                    request), request.parallel(), 1)
                            .doFinally(signal -> holdings.end());
                })));
    }

    private static <T> Slot<T> hold(T item, WriteEncoder<T> encoder, Holdings holdings) {
        Slot<T> slot = new Slot<>(item, encoder, holdings);
        if (!holdings.add(slot)) {
            slot.close();
        }
        return slot;
    }

    private static Mono<WriteOutcome> one(Slot<?> slot, SendOrder.Turn turn, BatchSender sender,
            WriteRequest request) {
        return Mono.fromCallable(slot::encode)
                .subscribeOn(request.encodeOn())
                .flatMap(batch -> turn.await().then(Mono.defer(() -> batch.units() == 0
                        ? Mono.just(UnitResults.withoutCommands(batch))
                        : sender.send(batch, new Handover(slot, turn)))))
                .doFinally(signal -> {
                    turn.done();
                    slot.close();
                });
    }

    private static Mono<WriteOutcome> send(WriteBatch batch, Handover handover, RedisChannel channel,
            Duration timeout) {
        UnitResults results = new UnitResults(batch);
        UnitReplies replies = new UnitReplies(batch, results);
        ByteBuf commands = handover.take();
        if (commands == null) {
            return Mono.empty();
        }
        Mono<Void> sent = channel.send(commands, replies);
        handover.sent();
        return awaitReplies(sent, batch.units(), timeout).then(Mono.fromCallable(results::outcome));
    }

    /**
     * @param replies completes when a round trip's last reply has been read
     * @param units the key writes it holds
     * @param timeout the longest it may take
     * @return the replies, failed with a timeout when they take longer
     */
    public static Mono<Void> awaitReplies(Mono<Void> replies, int units, Duration timeout) {
        return replies.timeout(timeout, Mono.error(() -> Timeouts.exception("pipeline of " + units + " key writes",
                timeout)));
    }
}
