package io.redisarrow.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
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
        this(host, port, null, password, timeoutMillis);
    }

    Resp(String host, int port, String user, String password, int timeoutMillis) throws IOException {
        this.socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        if (password != null) {
            Object reply = user == null ? call("AUTH", password) : call("AUTH", user, password);
            if (reply instanceof IOException e) {
                throw e;
            }
        }
    }

    /**
     * @param url {@code redis://[[user]:password@]host[:port][/db]}
     * @param timeoutMillis connect and read timeout
     * @return a connection authenticated and on the URL's database
     * @throws IOException when the server does not answer, refuses the password or the database
     */
    static Resp connect(String url, int timeoutMillis) throws IOException {
        URI uri = URI.create(url);
        if (!"redis".equals(uri.getScheme())) {
            throw new IOException("only redis:// URLs are supported here, not " + uri.getScheme() + "://");
        }
        String user = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            String info = uri.getUserInfo();
            int colon = info.indexOf(':');
            password = colon >= 0 ? info.substring(colon + 1) : info;
            user = colon > 0 ? info.substring(0, colon) : null;
        }
        Resp resp = new Resp(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379, user, password, timeoutMillis);
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            Object reply = resp.call("SELECT", path.substring(1));
            if (reply instanceof IOException e) {
                resp.close();
                throw e;
            }
        }
        return resp;
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
