package io.redisarrow.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongConsumer;

/** One run of the tool with captured streams, as a test sees it. */
record CliRun(int exitCode, byte[] out, String err) {

    static CliRun run(String... args) {
        return run(Interruption.manual(), rows -> { }, new byte[0], args);
    }

    static CliRun run(Interruption interruption, LongConsumer onRows, byte[] stdin, String... args) {
        return run(false, interruption, onRows, stdin, args);
    }

    /** A run whose standard error is taken for a terminal: progress is drawn on it. */
    static CliRun onTerminal(LongConsumer onRows, String... args) {
        return run(true, Interruption.manual(), onRows, new byte[0], args);
    }

    private static CliRun run(boolean terminal, Interruption interruption, LongConsumer onRows, byte[] stdin,
            String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Streams streams = new Streams(out, new PrintStream(err, true, StandardCharsets.UTF_8), terminal, interruption,
                onRows);
        int code = RedisArrowCli.commandLine(streams, new ByteArrayInputStream(stdin)).execute(args);
        return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String outText() {
        return new String(out, StandardCharsets.UTF_8);
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** @return the progress frames drawn on standard error, each started by a carriage return */
    List<String> frames(String task) {
        return java.util.Arrays.stream(err.split("[\\r\\n]")).filter(line -> line.startsWith(task + " ")).toList();
    }
}
