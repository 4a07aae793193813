package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.RedisArrowException;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks once per session that the server knows a module's command ({@code COMMAND INFO}), so a
 * read of module data on a server without the module fails at once with what to load, rather
 * than finding no keys (SCAN TYPE of an unknown type) or failing on the first fetch. A server that
 * forbids COMMAND INFO (an ACL or a renamed command) is not checked.
 */
public final class ModuleCheck {

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /**
     * @param connection the session's shared connection
     * @param command the command a read needs, such as {@code JSON.GET}
     * @param address {@code host:port}, for the message
     * @return completes when the server knows the command; else fails with a
     *         {@link RedisArrowException} saying which module to load
     */
    public Mono<Void> require(StatefulRedisConnection<byte[], byte[]> connection, String command, String address) {
        if (known.contains(command)) {
            return Mono.empty();
        }
        return Mono.fromCompletionStage(() -> connection.async().commandInfo(command))
                .flatMap(info -> {
                    if (unknown(info)) {
                        return Mono.<Void>error(missing(command, address));
                    }
                    known.add(command);
                    return Mono.empty();
                })
                .onErrorResume(RedisCommandExecutionException.class, forbidden -> Mono.empty());
    }

    private static boolean unknown(List<Object> info) {
        return info == null || info.isEmpty() || info.get(0) == null
                || info.get(0) instanceof List<?> list && list.isEmpty();
    }

    /**
     * @param command the unknown command
     * @param address {@code host:port}
     * @return the error saying which module provides it
     */
    static RedisArrowException missing(String command, String address) {
        String upper = command.toUpperCase(Locale.ROOT);
        String module = upper.startsWith("JSON.")
                ? "the JSON module (RedisJSON 2 or later, as in Redis Stack and Redis 8, or valkey-json)"
                : upper.startsWith("FT.") ? "the query engine (RediSearch 2.0 or later, as in Redis Stack and Redis 8)"
                        : "the module that provides it";
        return new RedisArrowException("Redis at " + address + " does not know " + command + ": load " + module);
    }
}
