package io.redisarrow.benchmarks.jmh;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs {@link DecoderBenchmark} through JMH's {@link Runner} and writes its report: a Markdown
 * table with the machine's facts and a CSV, to {@code <out>/decoders.md} and
 * {@code <out>/decoders.csv}, and with {@code --docs} to the repository's {@code docs/decoders.md}.
 * Every figure comes from the {@link RunResult}s. Progress goes to standard error, the table to
 * standard output; the exit code is 0 on success, 1 on failure and 2 on a bad argument.
 */
public final class DecoderBenchmarks {

    /** Arrow's add-opens, class path form, for the forked benchmark JVM. */
    static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    private static final String USAGE = """
            usage: DecoderBenchmarks [--quick] [--out DIR] [--docs]
              --quick    1 warm-up and 2 measured iterations of 1 s (default 3 and 5)
              --out DIR  where decoders.md and decoders.csv go (default results)
              --docs     also write docs/decoders.md of the repository""";

    private DecoderBenchmarks() {
    }

    /**
     * @param args {@code [--quick] [--out DIR] [--docs]}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    private static int run(String[] args) {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("DecoderBenchmarks: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            Path docs = settings.docs() ? repositoryRoot(Path.of("")).resolve("docs").resolve("decoders.md") : null;
            DecoderReport.Facts facts = DecoderReport.Facts.atStart(settings.warmups(), settings.measurements(),
                    List.of(ADD_OPENS), settings.args());
            say("%d types x 2 decoders, 1 fork each: warm-up %d x 1 s, measurement %d x 1 s",
                    DecoderCase.values().length, settings.warmups(), settings.measurements());
            Collection<RunResult> results = new Runner(options(settings),
                    OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL)).run();
            DecoderReport report = DecoderReport.of(results, facts.atEnd());
            String markdown = report.markdown();
            Files.createDirectories(settings.out());
            write(settings.out().resolve("decoders.md"), markdown);
            write(settings.out().resolve("decoders.csv"), report.csv());
            if (docs != null) {
                Files.createDirectories(docs.getParent());
                write(docs, markdown);
            }
            System.out.print(markdown);
            return 0;
        } catch (RunnerException | IOException | RuntimeException e) {
            say("failed: %s", e);
            e.printStackTrace();
            return 1;
        }
    }

    private static Options options(Settings settings) {
        return new OptionsBuilder()
                .include("^" + Pattern.quote(DecoderBenchmark.class.getName() + "."))
                .forks(1)
                .threads(1)
                .jvmArgs(ADD_OPENS)
                .warmupIterations(settings.warmups())
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(settings.measurements())
                .measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true)
                .build();
    }

    /**
     * @param workingDirectory where the JVM runs: the {@code benchmarks} module under
     *        {@code exec:exec}, or the repository root
     * @return the repository root
     */
    static Path repositoryRoot(Path workingDirectory) {
        Path dir = workingDirectory.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (dir.endsWith("benchmarks") && parent != null && Files.isRegularFile(parent.resolve("pom.xml"))) {
            return parent;
        }
        if (Files.isRegularFile(dir.resolve("benchmarks").resolve("pom.xml"))) {
            return dir;
        }
        throw new IllegalStateException("cannot find the repository root from " + dir
                + "; run in the benchmarks module or the repository root");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        say("wrote %s", file.toAbsolutePath().normalize());
    }

    private static void say(String format, Object... args) {
        System.err.printf("[decoders] " + format + "%n", args);
    }

    /** The parsed command line. */
    private record Settings(boolean quick, Path out, boolean docs, List<String> args) {

        static Settings parse(String[] args) {
            boolean quick = false;
            boolean docs = false;
            Path out = Path.of("results");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--docs" -> docs = true;
                    case "--out" -> {
                        if (i + 1 == args.length || args[i + 1].isBlank() || args[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException("--out must be followed by a directory");
                        }
                        out = Path.of(args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            return new Settings(quick, out, docs, List.of(args));
        }

        int warmups() {
            return quick ? 1 : 3;
        }

        int measurements() {
            return quick ? 2 : 5;
        }
    }
}
