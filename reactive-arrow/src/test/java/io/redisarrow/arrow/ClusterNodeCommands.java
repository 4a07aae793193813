package io.redisarrow.arrow;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ArrayOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.testing.ClusterNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Commands sent to one node of a test cluster as they are, without cluster routing: for setting up
 * what a test needs on a given master (such as an index) and for reading what each node did.
 */
final class ClusterNodeCommands implements AutoCloseable {

    private final RedisClient client;

    private final StatefulRedisConnection<String, String> connection;

    ClusterNodeCommands(ClusterNode node) {
        this.client = RedisClient.create(node.url());
        this.connection = client.connect();
    }

    /** @return the node's status reply to the command */
    String status(String command, String... arguments) {
        return connection.sync().dispatch(keyword(command), new StatusOutput<>(StringCodec.UTF8), args(arguments));
    }

    /** @return the node's array reply to the command */
    List<Object> array(String command, String... arguments) {
        return connection.sync().dispatch(keyword(command), new ArrayOutput<>(StringCodec.UTF8), args(arguments));
    }

    /** @return the node's key count */
    long dbSize() {
        return connection.sync().dbsize();
    }

    /** @return the node's names of the FT commands it ran since the last {@code CONFIG RESETSTAT} */
    List<String> searchCommandsRun() {
        return connection.sync().info("commandstats").lines()
                .map(line -> line.toLowerCase(Locale.ROOT))
                .filter(line -> line.startsWith("cmdstat_ft.") || line.startsWith("cmdstat_ft._"))
                .toList();
    }

    /** @return how many SCAN commands the node ran since the last {@code CONFIG RESETSTAT} */
    long scansRun() {
        return connection.sync().info("commandstats").lines()
                .filter(line -> line.startsWith("cmdstat_scan:"))
                .map(line -> line.substring(line.indexOf("calls=") + 6, line.indexOf(',')))
                .mapToLong(Long::parseLong)
                .sum();
    }

    /** Forgets the node's command statistics. */
    void resetStats() {
        connection.sync().configResetstat();
    }

    private static CommandArgs<String, String> args(String... arguments) {
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
        for (String argument : arguments) {
            args.add(argument);
        }
        return args;
    }

    private static ProtocolKeyword keyword(String command) {
        return new ProtocolKeyword() {
            @Override
            public byte[] getBytes() {
                return command.getBytes(StandardCharsets.US_ASCII);
            }

            @Override
            public String toString() {
                return command;
            }
        };
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
