package io.redisarrow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on a free loopback port that is not Redis, for tests of what a client does when the
 * other end misbehaves: it accepts connections and then stays silent, greets with bytes of another
 * protocol, or answers whatever it receives with fixed bytes. {@link #close()} closes every socket.
 */
public final class FakeServer implements AutoCloseable {

    private final ServerSocket server;

    private final byte[] greeting;

    private final byte[] answer;

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private volatile int accepted;

    private FakeServer(byte[] greeting, byte[] answer) {
        this.greeting = greeting;
        this.answer = answer;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "fake-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return a server that accepts connections and never sends a byte (a stalled process) */
    public static FakeServer silent() {
        return new FakeServer(new byte[0], new byte[0]);
    }

    /**
     * @param bytes what to send as soon as a connection is accepted; the connection is closed when
     *        the first bytes arrive, as an SSH server closes one that does not speak SSH
     * @return the server
     */
    public static FakeServer greeting(byte[] bytes) {
        return new FakeServer(bytes, new byte[0]);
    }

    /**
     * @param bytes what to send once, when the first bytes of a connection arrive, as an HTTP server does
     * @return the server
     */
    public static FakeServer answering(byte[] bytes) {
        return new FakeServer(new byte[0], bytes);
    }

    /** @return the port it listens on, on 127.0.0.1 */
    public int port() {
        return server.getLocalPort();
    }

    /** @return {@code host:port} as messages name it */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** @return how many connections it has accepted */
    public int accepted() {
        return accepted;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                accepted++;
                Thread handler = new Thread(() -> serve(socket), "fake-server-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            if (greeting.length > 0) {
                socket.getOutputStream().write(greeting);
                socket.getOutputStream().flush();
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            boolean answered = answer.length == 0;
            while (in.read(buffer) >= 0) {
                if (greeting.length > 0) {
                    return;
                }
                if (!answered) {
                    socket.getOutputStream().write(answer);
                    socket.getOutputStream().flush();
                    answered = true;
                }
            }
        } catch (IOException closed) {
            // the client or close() ended the connection
        }
    }

    /** Stops listening and closes every accepted connection. Idempotent. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }
}
