package io.redisarrow.benchmarks;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Command lines of the redis-tools binaries ({@code redis-cli}, {@code redis-benchmark}) aimed at
 * the server of a Redis URL (host, port, database, user and password), and a runner that
 * collects their output.
 */
final class RedisTools {

    private RedisTools() {
    }

    /**
     * @param binary {@code redis-cli} or {@code redis-benchmark}
     * @param url the server
     * @return the binary with connection options for the server
     */
    static List<String> command(String binary, String url) {
        RedisURI uri = RedisURI.create(url);
        List<String> command = new ArrayList<>(List.of(binary, "-h", uri.getHost(), "-p", Integer.toString(uri.getPort())));
        if (uri.getDatabase() != 0) {
            command.addAll(List.of(binary.equals("redis-benchmark") ? "--dbnum" : "-n", Integer.toString(uri.getDatabase())));
        }
        RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
        if (credentials != null && credentials.hasUsername()) {
            command.addAll(List.of("--user", credentials.getUsername()));
        }
        if (credentials != null && credentials.hasPassword()) {
            command.addAll(List.of("-a", new String(credentials.getPassword())));
            if (binary.equals("redis-cli")) {
                command.add("--no-auth-warning");
            }
        }
        return command;
    }

    /** @return the command joined for display, the password masked */
    static String display(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        int at = shown.indexOf("-a");
        if (at >= 0 && at + 1 < shown.size()) {
            shown.set(at + 1, "***");
        }
        return String.join(" ", shown);
    }

    /**
     * Runs a command with no input to its end.
     *
     * @param command the command
     * @param output receives its output lines, standard error included
     * @return the exit code
     */
    static int run(List<String> command, List<String> output) {
        try {
            Process process = start(command);
            process.getOutputStream().close();
            return finish(process, output);
        } catch (IOException e) {
            throw notInstalled(command, e);
        }
    }

    /**
     * @param command the command
     * @return the started process, standard error merged into standard output
     */
    static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw notInstalled(command, e);
        }
    }

    /**
     * Reads a started process's output to its end and waits for it.
     *
     * @param process the process
     * @param output receives its output lines
     * @return the exit code
     */
    static int finish(Process process, List<String> output) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("process did not finish within 10 minutes");
            }
            return process.exitValue();
        } catch (IOException e) {
            process.destroyForcibly();
            throw new IllegalStateException("reading the process's output failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static IllegalStateException notInstalled(List<String> command, IOException e) {
        return new IllegalStateException("cannot run " + command.get(0) + " (apt-get install -y redis-tools): "
                + e.getMessage(), e);
    }
}
