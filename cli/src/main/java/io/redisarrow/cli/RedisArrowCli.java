package io.redisarrow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The {@code redis-arrow} command: {@code export}, {@code import}, {@code infer}, {@code demo} and
 * {@code bench}. Exit codes: 0 done, 1 bad usage, 2 Redis or connection error, 3 data error, 130
 * interrupted. An error is printed as one line on standard error (with its stack trace under
 * {@code --debug}).
 */
@Command(name = "redis-arrow", mixinStandardHelpOptions = true, version = "redis-arrow 0.1.0",
        usageHelpWidth = 80,
        description = { "Stream Redis hashes and JSON documents to and from Apache Arrow, CSV",
            "and NDJSON files." },
        commandListHeading = "%nCommands:%n",
        footer = { "", "Run 'redis-arrow COMMAND --help' for a command's options.",
            "", "Exit codes:",
            "  0    done",
            "  1    bad usage: unknown option, malformed URL or schema, missing file",
            "  2    Redis could not be reached, or refused a command",
            "  3    data error: a value that does not parse, malformed input, keys",
            "       the server refused to write, an output file not written",
            "  130  interrupted (Ctrl-C): an export leaves no file behind" })
public final class RedisArrowCli implements Callable<Integer> {

    private final CommandLine.Model.CommandSpec[] spec = new CommandLine.Model.CommandSpec[1];

    private RedisArrowCli() {
    }

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command line, such as {@code export -p user:* -o users.arrow}
     */
    public static void main(String[] args) {
        System.exit(commandLine(Streams.system(), System.in).execute(args));
    }

    /**
     * @param streams where the run writes, and what interrupts it
     * @param stdin the standard input ({@code import -i -})
     * @return the command line, its exit codes and error handling set
     */
    static CommandLine commandLine(Streams streams, InputStream stdin) {
        RedisArrowCli root = new RedisArrowCli();
        CommandLine cli = new CommandLine(root)
                .addSubcommand(new ExportCommand(streams))
                .addSubcommand(new ImportCommand(streams, stdin))
                .addSubcommand(new InferCommand(streams))
                .addSubcommand(new DemoCommand(streams))
                .addSubcommand(new BenchCommand(streams));
        root.spec[0] = cli.getCommandSpec();
        cli.setUsageHelpWidth(80);
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(streams.out(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(streams.err(), StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler((error, args) -> {
            CommandLine command = error.getCommandLine();
            streams.err().println(command.getCommandSpec().qualifiedName() + ": " + error.getMessage()
                    + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((error, command, parseResult) -> {
            streams.err().println(command.getCommandSpec().qualifiedName() + ": " + ExitCodes.message(error));
            if (parseResult.subcommand() != null ? parseResult.subcommand().hasMatchedOption("--debug")
                    : parseResult.hasMatchedOption("--debug")) {
                error.printStackTrace(streams.err());
            }
            return ExitCodes.of(error);
        });
        return cli;
    }

    /** Without a command: prints the usage and fails as bad usage. */
    @Override
    public Integer call() {
        spec[0].commandLine().usage(spec[0].commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
