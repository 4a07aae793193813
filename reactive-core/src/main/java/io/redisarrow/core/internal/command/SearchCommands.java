package io.redisarrow.core.internal.command;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes the query engine's commands (RediSearch 2.x), sent through Lettuce on the shared
 * connection: {@code FT.AGGREGATE ... WITHCURSOR COUNT n}, {@code FT.CURSOR READ|DEL},
 * {@code FT.INFO}, {@code FT.CREATE} and {@code FT.DROPINDEX}.
 */
public final class SearchCommands {

    /** {@code FT.AGGREGATE}. */
    public static final ProtocolKeyword AGGREGATE = keyword("FT.AGGREGATE");

    /** {@code FT.CURSOR} (READ and DEL). */
    public static final ProtocolKeyword CURSOR = keyword("FT.CURSOR");

    /** {@code FT.INFO}. */
    public static final ProtocolKeyword INFO = keyword("FT.INFO");

    /** {@code FT.CREATE}. */
    public static final ProtocolKeyword CREATE = keyword("FT.CREATE");

    /** {@code FT.DROPINDEX}. */
    public static final ProtocolKeyword DROPINDEX = keyword("FT.DROPINDEX");

    private SearchCommands() {
    }

    /**
     * @param index the index
     * @param arguments the query string, then the clauses (LOAD, GROUPBY, SORTBY, ..., PARAMS, DIALECT)
     * @param count rows per cursor page
     * @param maxIdleMillis how long the server keeps an idle cursor, or {@code 0} for its default
     * @return the arguments after {@code FT.AGGREGATE}: {@code index query clauses... TIMEOUT 0
     *         WITHCURSOR COUNT n [MAXIDLE ms]}; no server-side time limit, since RediSearch 2.x
     *         counts it across the cursor's whole life and ends the results early in silence
     */
    public static CommandArgs<byte[], byte[]> aggregate(String index, List<String> arguments, int count,
            long maxIdleMillis) {
        CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).add(utf8(index));
        for (String argument : arguments) {
            args.add(utf8(argument));
        }
        args.add("TIMEOUT").add(0).add("WITHCURSOR").add("COUNT").add(count);
        if (maxIdleMillis > 0) {
            args.add("MAXIDLE").add(maxIdleMillis);
        }
        return args;
    }

    /** @return the arguments after {@code FT.CURSOR}: {@code READ index cursor COUNT n} */
    public static CommandArgs<byte[], byte[]> read(String index, long cursor, int count) {
        return new CommandArgs<>(ByteArrayCodec.INSTANCE).add("READ").add(utf8(index)).add(cursor).add("COUNT")
                .add(count);
    }

    /** @return the arguments after {@code FT.CURSOR}: {@code DEL index cursor} */
    public static CommandArgs<byte[], byte[]> delete(String index, long cursor) {
        return new CommandArgs<>(ByteArrayCodec.INSTANCE).add("DEL").add(utf8(index)).add(cursor);
    }

    /** @return the arguments after {@code FT.INFO}: {@code index} */
    public static CommandArgs<byte[], byte[]> info(String index) {
        return new CommandArgs<>(ByteArrayCodec.INSTANCE).add(utf8(index));
    }

    /**
     * @param arguments every argument after the command's name, in order
     * @return them encoded as UTF-8
     */
    public static CommandArgs<byte[], byte[]> of(List<String> arguments) {
        CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE);
        for (String argument : arguments) {
            args.add(utf8(argument));
        }
        return args;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ProtocolKeyword keyword(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        return new ProtocolKeyword() {

            @Override
            public byte[] getBytes() {
                return bytes;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
