package io.redisarrow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * Small helpers for tests that run tools (openssl, keytool) and start servers of their own.
 */
public final class Processes {

    private Processes() {
    }

    /**
     * Runs a command to completion, output discarded.
     *
     * @param command the program and its arguments
     * @return whether it ran and exited 0 within a minute
     * @throws InterruptedException when interrupted while waiting
     */
    public static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return a loopback port that was free a moment ago */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
