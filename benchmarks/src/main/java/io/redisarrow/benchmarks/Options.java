package io.redisarrow.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The benchmark's command-line options, parsed and checked. The full mode (default) reads
 * 1,000,000 hashes with 3 measured passes per scenario; {@code --quick} reads 100,000 with one.
 *
 * @param keys N, the hashes loaded and read per pass
 * @param repetitions measured passes per scenario
 * @param clients the redis-benchmark client counts of the ceiling
 * @param reuse whether data loaded by an earlier run with the same N is kept
 * @param out the results directory
 * @param latencies delays in ms, each way, to sweep {@code parallel} behind, besides loopback
 * @param parallelRows rows read per pass in the {@code parallel} sweep
 * @param searchSizes data set sizes of the search scenario, ascending, the largest N
 * @param memorySizes rows read in the memory scenario, ascending
 * @param scenarios which scenarios run (the readers table always does: it measures the baselines)
 * @param docs whether {@code docs/performance.md} is written from this run
 * @param quick whether this is the quick mode
 * @param writeRows rows per pass of the write scenario
 * @param typesElements N of the types scenario: the elements of each type read per pass
 */
record Options(int keys, int repetitions, int[] clients, boolean reuse, Path out, double[] latencies, long parallelRows,
        int[] searchSizes, int[] memorySizes, Set<Scenario> scenarios, boolean docs, boolean quick, int writeRows,
        int typesElements) {

    /** The scenarios after the first table, in the order they run. */
    enum Scenario {
        BATCH, PROJECTION, PARALLEL, MEMORY, SEARCH, LARGE, JSON, WRITES, TYPES, CLUSTER
    }

    /** The scenarios with baselines of their own, which need neither the hashes nor the readers table. */
    private static final Set<Scenario> STANDALONE = EnumSet.of(Scenario.WRITES, Scenario.TYPES, Scenario.CLUSTER);

    /**
     * @return whether the readers table (and the hashes it reads) is measured: unless only the
     *         write, types and cluster scenarios run, which need no read baselines of the hashes
     */
    boolean readers() {
        return !STANDALONE.containsAll(scenarios);
    }

    static final String USAGE = """
            options:
              --quick             100000 keys, 1 measured pass, smaller sweeps (minutes); default: the full run
              --keys N            hashes to load and read (default 1000000; --quick 100000)
              --repetitions R     measured passes per scenario, after one warm-up (default 3; --quick 1)
              --clients 1,4,50    redis-benchmark client counts for the server ceiling (default 1,4,50)
              --latency-ms 0.5,2  delays each way for the parallel sweep besides loopback (default 0.5,2)
              --parallel-rows N   rows per pass in the parallel sweep (default min(N, 200000); --quick 50000)
              --only a,b          scenarios after the first table (default all): batch,projection,parallel,memory,search,
                                  large (one hash of 100k/1M fields, one 10/100 MB value; --quick 10k/100k, 1/10 MB),
                                  json (N JSON documents of 10 members in the next database: every reader, own baselines),
                                  writes (hashes and JSON documents written every way; alone, no readers table),
                                  types (strings, sets, lists, sorted sets, streams: small keys and one big key,
                                  redis-arrow beside a Jedis pipeline and naive Lettuce; alone, no readers table),
                                  cluster (N hashes read from one node and from a 3-master cluster, on loopback and
                                  behind 2 ms RTT, on servers of its own whatever REDIS_URL says; alone, no readers table)
              --write-rows N      rows per pass of the writes scenario (default 1000000; --quick 100000)
              --types-elements N  elements of each type per pass in the types scenario (default 1000000; --quick 100000)
              --reuse true|false  keep data an earlier run loaded with the same N (default true)
              --out DIR           results directory (default results)
              --docs              also write the docs pages of what ran: performance.md and its charts,
                                  write-performance.md (writes), types-performance.md (types),
                                  cluster-performance.md (cluster)""";

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException naming the bad option, with the usage
     */
    static Options parse(String[] args) {
        Integer keys = null;
        Integer repetitions = null;
        Long parallelRows = null;
        Integer writeRows = null;
        Integer typesElements = null;
        boolean quick = false;
        int[] clients = { 1, 4, 50 };
        boolean reuse = true;
        Path out = Path.of("results");
        double[] latencies = { 0.5, 2 };
        Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
        boolean docs = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--keys" -> keys = positive(arg, value(args, ++i, arg).replace("_", ""));
                case "--repetitions" -> repetitions = positive(arg, value(args, ++i, arg));
                case "--clients" -> clients = list(arg, value(args, ++i, arg));
                case "--write-rows" -> writeRows = positive(arg, value(args, ++i, arg).replace("_", ""));
                case "--types-elements" -> typesElements = positive(arg, value(args, ++i, arg).replace("_", ""));
                case "--parallel-rows" -> parallelRows = (long) positive(arg, value(args, ++i, arg).replace("_", ""));
                case "--reuse" -> {
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        reuse = bool(arg, args[++i]);
                    }
                }
                case "--no-reuse" -> reuse = false;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--latency-ms" -> latencies = millis(arg, value(args, ++i, arg));
                case "--only" -> scenarios = scenarios(arg, value(args, ++i, arg));
                case "--docs" -> docs = true;
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        int n = keys != null ? keys : quick ? 100_000 : 1_000_000;
        long rows = parallelRows != null ? parallelRows : Math.min(n, quick ? 50_000 : 200_000);
        if (rows > n) {
            throw new IllegalArgumentException("--parallel-rows must be at most --keys (" + n + "), not " + rows);
        }
        return new Options(n, repetitions != null ? repetitions : quick ? 1 : 3, clients, reuse, out, latencies, rows,
                upTo(n, true), upTo(n, false), scenarios, docs, quick,
                writeRows != null ? writeRows : quick ? 100_000 : 1_000_000,
                typesElements != null ? typesElements : quick ? 100_000 : 1_000_000);
    }

    /** @return 10,000, 100,000 and 1,000,000 up to N, with N itself last when {@code withN} */
    private static int[] upTo(int n, boolean withN) {
        IntStream sizes = IntStream.of(10_000, 100_000, 1_000_000).filter(size -> size < n || size == n);
        int[] below = sizes.toArray();
        if (withN && (below.length == 0 || below[below.length - 1] != n)) {
            below = IntStream.concat(Arrays.stream(below), IntStream.of(n)).toArray();
        }
        return below.length == 0 ? new int[] { n } : below;
    }

    private static Set<Scenario> scenarios(String option, String text) {
        Set<Scenario> chosen = EnumSet.noneOf(Scenario.class);
        for (String name : text.split(",")) {
            try {
                chosen.add(Scenario.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " must list batch, projection, parallel, memory, search, large, json,"
                        + " writes, types or cluster, not '" + name + "'\n" + USAGE);
            }
        }
        return chosen;
    }

    private static double[] millis(String option, String text) {
        try {
            double[] values = Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
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
