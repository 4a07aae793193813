package io.redisarrow.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The benchmark's command-line options, parsed and checked.
 *
 * @param keys N, the hashes loaded and read per pass
 * @param repetitions measured passes per scenario
 * @param parallels the {@code parallel} settings of redis-arrow
 * @param clients the redis-benchmark client counts of the ceiling
 * @param reuse whether data loaded by an earlier run with the same N is kept
 * @param out the results directory
 * @param latencies delays in ms, each way, to sweep {@code parallel} behind (none: no sweep)
 * @param sweeps whether to sweep batch size and projection
 */
record Options(int keys, int repetitions, int[] parallels, int[] clients, boolean reuse, Path out,
        double[] latencies, boolean sweeps) {

    static final String USAGE = """
            options:
              --keys N            hashes to load and read (default 1000000)
              --quick             100000 keys, 1 measured pass (an explicit --keys or --repetitions wins)
              --parallel 1,2,4,8  redis-arrow parallel settings (default 1,2,4,8)
              --repetitions R     measured passes per scenario, after one warm-up (default 3)
              --clients 1,4,50    redis-benchmark client counts for the server ceiling (default 1,4,50)
              --reuse true|false  keep data an earlier run loaded with the same N (default true)
              --out DIR           results directory (default results)
              --sweeps            also sweep batchSize (100 .. 100000) and projection (1, 2, 5, 10 fields)
              --latency-ms 0.5,2  also sweep parallel 1,2,4,8,16 behind a proxy adding this delay each way
                                  (default: none)""";

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException naming the bad option, with the usage
     */
    static Options parse(String[] args) {
        Integer keys = null;
        Integer repetitions = null;
        boolean quick = false;
        int[] parallels = { 1, 2, 4, 8 };
        int[] clients = { 1, 4, 50 };
        boolean reuse = true;
        Path out = Path.of("results");
        double[] latencies = new double[0];
        boolean sweeps = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--keys" -> keys = positive(arg, value(args, ++i, arg).replace("_", ""));
                case "--repetitions" -> repetitions = positive(arg, value(args, ++i, arg));
                case "--parallel" -> parallels = list(arg, value(args, ++i, arg));
                case "--clients" -> clients = list(arg, value(args, ++i, arg));
                case "--reuse" -> {
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        reuse = bool(arg, args[++i]);
                    }
                }
                case "--no-reuse" -> reuse = false;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--latency-ms" -> latencies = millis(arg, value(args, ++i, arg));
                case "--sweeps" -> sweeps = true;
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        return new Options(keys != null ? keys : quick ? 100_000 : 1_000_000,
                repetitions != null ? repetitions : quick ? 1 : 3, parallels, clients, reuse, out, latencies, sweeps);
    }

    private static double[] millis(String option, String text) {
        try {
            double[] values = java.util.Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
            for (double value : values) {
                if (!(value > 0) || value > 1000) {
                    throw new NumberFormatException();
                }
            }
            return values;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must list delays in ms between 0 and 1000, such as 0.5,2, not '"
                    + text + "'\n" + USAGE);
        }
    }

    /** @return the parallel settings as {@code 1,2,4,8} */
    String parallelList() {
        return Arrays.stream(parallels).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String option, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive integer, not '" + text + "'\n" + USAGE);
    }

    private static int[] list(String option, String text) {
        return Arrays.stream(text.split(",")).map(String::trim).mapToInt(n -> positive(option, n)).toArray();
    }

    private static boolean bool(String option, String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(option + " must be true or false, not '" + text + "'\n" + USAGE);
        };
    }
}
