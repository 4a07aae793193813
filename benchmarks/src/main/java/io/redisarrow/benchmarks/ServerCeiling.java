package io.redisarrow.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's own ceiling for this workload: {@code redis-benchmark -P 100} sending the same
 * HMGET of the ten fields to random benchmark keys, with 1 and with 50 clients; the better rate is
 * the ceiling.
 */
final class ServerCeiling {

    private ServerCeiling() {
    }

    record Result(double requestsPerSecond, int clients, String command, double serverMicrosPerCall) {
    }

    static Result measure(String host, int port, int keys, ServerCost cost) {
        Result best = null;
        for (int clients : new int[] { 1, 50 }) {
            cost.reset();
            List<String> command = new ArrayList<>(List.of("redis-benchmark", "-h", host, "-p", Integer.toString(port),
                    "-P", "100", "-c", Integer.toString(clients), "-n", Integer.toString(Math.max(keys, 200_000)),
                    "-r", Integer.toString(keys), "--csv", "HMGET", "bench:user:__rand_int__"));
            command.addAll(List.of(BenchData.FIELDS));
            double rps = run(command);
            double micros = cost.commandMicros() / (double) Math.max(keys, 200_000);
            Progress.say("ceiling: redis-benchmark -P 100 -c %d HMGET: %,.0f requests/s", clients, rps);
            if (best == null || rps > best.requestsPerSecond()) {
                best = new Result(rps, clients, String.join(" ", command), micros);
            }
        }
        return best;
    }

    private static double run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            double rps = -1;
            List<String> output = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                    String[] cells = line.split(",");
                    if (cells.length >= 2 && cells[0].startsWith("\"HMGET")) {
                        rps = Double.parseDouble(cells[1].replace("\"", ""));
                    }
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || rps < 0) {
                throw new IllegalStateException("redis-benchmark gave no rate: " + String.join("\n", output));
            }
            return rps;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run redis-benchmark (apt-get install -y redis-tools): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
