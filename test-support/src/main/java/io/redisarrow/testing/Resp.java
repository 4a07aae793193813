package io.redisarrow.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal RESP client for administering test servers (PING, INFO, MODULE LIST, SHUTDOWN)
 * without depending on a Redis client library.
 */
final class Resp implements AutoCloseable {

    private final Socket socket;

    private final InputStream in;

    private final OutputStream out;

    Resp(String host, int port, String password, int timeoutMillis) throws IOException {
        this.socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        if (password != null) {
            Object reply = call("AUTH", password);
            if (reply instanceof IOException e) {
                throw e;
            }
        }
    }

    /** Sends a command and returns its reply: String, Long, java.util.List, null, or an IOException for an error. */
    Object call(String... args) throws IOException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        command.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            command.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            command.writeBytes(bytes);
            command.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(command.toByteArray());
        out.flush();
        return read();
    }

    private Object read() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                return new IOException(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length);
                in.readNBytes(2);
                return new String(bytes, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                java.util.List<Object> items = new java.util.ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            }
            case -1:
                throw new IOException("connection closed by the server");
            default:
                throw new IOException("unexpected RESP type '" + (char) type + "'");
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c == -1) {
                throw new IOException("connection closed by the server");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
