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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Streams streams = new Streams(out, new PrintStream(err, true, StandardCharsets.UTF_8), false, interruption, onRows);
        int code = RedisArrowCli.commandLine(streams, new ByteArrayInputStream(stdin)).execute(args);
        return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String outText() {
        return new String(out, StandardCharsets.UTF_8);
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
