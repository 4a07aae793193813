package io.redisarrow.core.internal.search;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.core.CursorQuery;
import io.redisarrow.core.internal.channel.SharedCommands;
import io.redisarrow.core.internal.command.SearchCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One query cursor on the shared connection: {@code FT.AGGREGATE ... WITHCURSOR} for the first
 * page, then {@code FT.CURSOR READ} for each next page, sent only when the previous page has been
 * taken (one page in reserve). The server frees the cursor itself once it is exhausted; when the
 * pages stop before that (cancel, error, a row limit), {@code FT.CURSOR DEL} frees it at once,
 * after the page still on its way, so no cursor is left open until its idle timeout. One instance
 * per subscription.
 *
 * @param <P> the page decoder
 */
final class SearchCursor<P extends CursorReply<P>> {

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private final String address;

    private final Duration timeout;

    private final CursorQuery query;

    private final Supplier<P> pages;

    /** The cursor to free on an early end: the last one the server announced, 0 when none is open. */
    private volatile long open;

    /** The page on its way, if any. */
    private volatile CompletableFuture<P> pending;

    SearchCursor(StatefulRedisConnection<byte[], byte[]> connection, String address, Duration timeout,
            CursorQuery query, Supplier<P> pages) {
        this.connection = connection;
        this.address = address;
        this.timeout = query.pageTimeout().isZero() ? timeout : query.pageTimeout();
        this.query = query;
        this.pages = pages;
    }

    /**
     * @return the pages, in order; each is requested when the one before it has been taken. The
     *         query goes with {@code TIMEOUT 0}: RediSearch 2.x counts a query's TIMEOUT from its
     *         first page across the cursor's whole life and, when it passes, ends the results as
     *         if they were complete (whatever its ON_TIMEOUT policy), so a server-side limit would
     *         lose matches of a read slower than it without a word. Each page is bounded on this
     *         side instead.
     */
    Flux<P> pages() {
        return send("FT.AGGREGATE", SearchCommands.AGGREGATE, SearchCommands.aggregate(query.index(),
                query.arguments(), query.pageSize(), query.maxIdle().toMillis()))
                .expand(page -> page.exhausted() ? Mono.empty()
                        : send("FT.CURSOR READ", SearchCommands.CURSOR,
                                SearchCommands.read(query.index(), page.cursor(), query.pageSize())))
                .doFinally(this::release);
    }

    private Mono<P> send(String what, ProtocolKeyword type, CommandArgs<byte[], byte[]> args) {
        return Mono.defer(() -> {
            AsyncCommand<byte[], byte[], P> command = new AsyncCommand<>(new Command<>(type, pages.get(), args));
            CompletableFuture<P> page = command.toCompletableFuture().thenApply(p -> {
                open = p.cursor();
                return p;
            });
            pending = page;
            connection.dispatch(command);
            return SharedCommands.bounded(Mono.fromFuture(page, true), what, address, timeout,
                    reply -> SearchErrors.explain(what, query.index(), what.equals("FT.AGGREGATE") ? query.query() : null,
                            address, reply));
        });
    }

    /** Frees the cursor when the pages end before the server has exhausted it. */
    private void release(SignalType signal) {
        if (signal == SignalType.ON_COMPLETE) {
            return;
        }
        CompletableFuture<P> onItsWay = pending;
        if (onItsWay != null && !onItsWay.isDone()) {
            onItsWay.whenComplete((page, failure) -> delete(page != null ? page.cursor() : open));
        } else {
            delete(open);
        }
    }

    private void delete(long cursor) {
        if (cursor <= 0) {
            return;
        }
        open = 0;
        try {
            connection.dispatch(new AsyncCommand<>(new Command<>(SearchCommands.CURSOR,
                    new StatusOutput<>(ByteArrayCodec.INSTANCE), SearchCommands.delete(query.index(), cursor))));
        } catch (RuntimeException closed) {
            // the connection is gone: the server drops the cursor after its idle timeout
        }
    }
}
