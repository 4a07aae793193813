package io.redisarrow.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's ceiling for the write tables: {@code redis-benchmark -P 100 -c <clients> -n N -r N}
 * of {@code HSET bench:w:__rand_int__ <the ten fields and one typical row's values>} or
 * {@code JSON.SET bench:j:__rand_int__ $ <that row's document>}: one write per request, no
 * conversion, no atomicity. {@code -r N} draws keys at random, so about 63 % of the writes create a
 * key and the rest overwrite one with the same fields.
 */
final class WriteCeiling {

    private final String url;

    private final int rows;

    private final String[] values;

    private final String document;

    /**
     * @param url the writes' server and database
     * @param rows N: requests per run and the range of {@code __rand_int__}
     * @param values the ten values of every HSET, in {@link BenchData#FIELDS} order
     * @param document the document of every JSON.SET
     */
    WriteCeiling(String url, int rows, String[] values, String document) {
        this.url = url;
        this.rows = rows;
        this.values = values.clone();
        this.document = document;
    }

    /** @return the hash table's scenario name of a run with this many clients */
    static String hashScenario(int clients) {
        return "server ceiling: redis-benchmark -P " + ServerCeiling.PIPELINE + " -c " + clients + " HSET";
    }

    /** @return the JSON table's scenario name of a run with this many clients */
    static String jsonScenario(int clients) {
        return "server ceiling: redis-benchmark -P " + ServerCeiling.PIPELINE + " -c " + clients + " JSON.SET $";
    }

    /** @return the command line of an HSET run with this many clients */
    List<String> hashCommand(int clients) {
        List<String> command = head(clients);
        command.add("HSET");
        command.add(WriteData.HASH_PREFIX + "__rand_int__");
        for (int i = 0; i < BenchData.FIELDS.length; i++) {
            command.add(BenchData.FIELDS[i]);
            command.add(values[i]);
        }
        return command;
    }

    /** @return the command line of a JSON.SET run with this many clients */
    List<String> jsonCommand(int clients) {
        List<String> command = head(clients);
        command.addAll(List.of("JSON.SET", WriteData.JSON_PREFIX + "__rand_int__", "$", document));
        return command;
    }

    private List<String> head(int clients) {
        List<String> command = RedisTools.command("redis-benchmark", url);
        command.addAll(List.of("-P", Integer.toString(ServerCeiling.PIPELINE), "-c", Integer.toString(clients), "-n",
                Integer.toString(rows), "-r", Integer.toString(rows), "--csv"));
        return command;
    }

    /**
     * Runs one command line.
     *
     * @param command {@link #hashCommand} or {@link #jsonCommand}
     * @return requests per second, that is rows per second
     * @throws IllegalStateException when redis-benchmark fails or reports no rate
     */
    static double run(List<String> command) {
        List<String> output = new ArrayList<>();
        int exit = RedisTools.run(command, output);
        String test = command.get(command.indexOf("--csv") + 1);
        double rate = rate(output, test);
        if (exit != 0 || !(rate > 0)) {
            throw new IllegalStateException("redis-benchmark (exit " + exit + ") gave no rate:\n" + String.join("\n", output));
        }
        return rate;
    }

    /**
     * Reads the rate from redis-benchmark's {@code --csv} output. The test's name is the whole
     * command, whose arguments may hold commas and quotes (a JSON document), so the rate is taken
     * from the end of the line: it is followed by six latency columns.
     *
     * @param output the output lines
     * @param test the command's name, such as {@code HSET}
     * @return requests per second, or NaN when no line gives it
     */
    static double rate(List<String> output, String test) {
        double rate = Double.NaN;
        for (String line : output) {
            if (!line.startsWith("\"" + test + " ")) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length >= 8) {
                try {
                    rate = Double.parseDouble(cells[cells.length - 7].replace("\"", ""));
                } catch (NumberFormatException e) {
                    // not a result line
                }
            }
        }
        return rate;
    }

    /** The ceiling's rows, one per client count, and the best of them. */
    record Ceilings(List<Measurement> measured, Measurement best, int bestClients) {
    }

    /**
     * Measures the ceiling with every client count.
     *
     * @param clients the redis-benchmark client counts
     * @param command the command line for a client count
     * @param scenario the row's name for a client count
     * @param repetitions measured passes per row
     * @param db where the keys go
     * @param pattern the keys the ceiling writes, cleared before each pass
     * @param rows the requests per pass
     * @param cost the run's server-cost probe
     * @return the rows and the best
     */
    static Ceilings measureAll(int[] clients, java.util.function.IntFunction<List<String>> command,
            java.util.function.IntFunction<String> scenario, int repetitions, WritesDatabase db, String pattern,
            int rows, ServerCost cost) {
        List<Measurement> measured = new java.util.ArrayList<>();
        Measurement best = null;
        int bestClients = clients[0];
        for (int count : clients) {
            List<String> line = command.apply(count);
            Measurement m = WritePasses.measure(scenario.apply(count), "-", repetitions, db, pattern,
                    WritePasses.KeyCheck.randomOf(rows), () -> () -> new WritePasses.Done(rows, run(line)), cost);
            measured.add(m);
            if (best == null || m.median() > best.median()) {
                best = m;
                bestClients = count;
            }
        }
        return new Ceilings(measured, best, bestClients);
    }
}
