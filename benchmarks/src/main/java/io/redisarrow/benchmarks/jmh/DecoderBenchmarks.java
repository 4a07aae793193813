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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs {@link DecoderBenchmark} and {@link JsonDecoderBenchmark} through JMH's {@link Runner} and writes
 * their report: Markdown tables with the machine's facts and CSVs, to {@code <out>/decoders.md},
 * {@code <out>/decoders.csv} and {@code <out>/decoders-json.csv}, and with {@code --docs} to the
 * repository's {@code docs/decoders.md}; {@code --only types} or {@code --only json} runs one of the two
 * ({@code --only json} writes {@code <out>/decoders-json.md}).
 * Every figure comes from the {@link RunResult}s. Progress goes to standard error, the table to
 * standard output; the exit code is 0 on success, 1 on failure and 2 on a bad argument.
 */
public final class DecoderBenchmarks {

    /** Arrow's add-opens, class path form, for the forked benchmark JVM. */
    static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    private static final String USAGE = """
            usage: DecoderBenchmarks [--quick] [--only types|json] [--out DIR] [--docs]
              --quick         1 warm-up and 2 measured iterations of 1 s (default 3 and 5)
              --only types    only the per-type decoders (decoders.md, decoders.csv)
              --only json     only the JSON document decoder (decoders-json.md, decoders-json.csv)
              --out DIR       where the reports go (default results)
              --docs          also write docs/decoders.md of the repository (needs every benchmark: no --only)""";

    private DecoderBenchmarks() {
    }

    /**
     * @param args {@code [--quick] [--only types|json] [--out DIR] [--docs]}
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
            say("%s, 1 fork each: warm-up %d x 1 s, measurement %d x 1 s", settings.describe(), settings.warmups(),
                    settings.measurements());
            Collection<RunResult> results = new Runner(options(settings),
                    OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL)).run();
            Files.createDirectories(settings.out());
            DecoderReport.Facts end = facts.atEnd();
            DecoderReport types = settings.types() ? DecoderReport.of(results, end) : null;
            JsonDecoderReport json = settings.json() ? JsonDecoderReport.of(results) : null;
            String markdown = types == null ? json.page(end)
                    : json == null ? types.markdown() : types.markdown() + "\n" + json.section();
            if (types != null) {
                write(settings.out().resolve("decoders.csv"), types.csv());
            }
            if (json != null) {
                write(settings.out().resolve("decoders-json.csv"), json.csv());
            }
            write(settings.out().resolve(settings.types() ? "decoders.md" : "decoders-json.md"), markdown);
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
                .include(settings.include())
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

    /** The parsed command line; {@code only} is null (every benchmark), {@code types} or {@code json}. */
    private record Settings(boolean quick, String only, Path out, boolean docs, List<String> args) {

        static Settings parse(String[] args) {
            boolean quick = false;
            boolean docs = false;
            String only = null;
            Path out = Path.of("results");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--docs" -> docs = true;
                    case "--only" -> {
                        if (i + 1 == args.length || !(args[i + 1].equals("types") || args[i + 1].equals("json"))) {
                            throw new IllegalArgumentException("--only must be followed by types or json");
                        }
                        only = args[++i];
                    }
                    case "--out" -> {
                        if (i + 1 == args.length || args[i + 1].isBlank() || args[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException("--out must be followed by a directory");
                        }
                        out = Path.of(args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (docs && only != null) {
                throw new IllegalArgumentException("--docs must not be combined with --only: docs/decoders.md holds"
                        + " every table of one run");
            }
            return new Settings(quick, only, out, docs, List.of(args));
        }

        boolean types() {
            return only == null || only.equals("types");
        }

        boolean json() {
            return only == null || only.equals("json");
        }

        /** @return JMH's include pattern of the chosen benchmark classes */
        String include() {
            List<String> classes = new ArrayList<>();
            if (types()) {
                classes.add(Pattern.quote(DecoderBenchmark.class.getName() + "."));
            }
            if (json()) {
                classes.add(Pattern.quote(JsonDecoderBenchmark.class.getName() + "."));
            }
            return "^(" + String.join("|", classes) + ")";
        }

        /** @return what runs, for the progress line */
        String describe() {
            List<String> parts = new ArrayList<>();
            if (types()) {
                parts.add(DecoderCase.values().length + " types x 2 decoders");
            }
            if (json()) {
                parts.add("JSON documents x 3 decoders");
            }
            return String.join(" and ", parts);
        }

        int warmups() {
            return quick ? 1 : 3;
        }

        int measurements() {
            return quick ? 2 : 5;
        }
    }
}
