package io.redisarrow.cli;

import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an input file (or standard input, {@code -}) in chunks. */
final class Inputs {

    private static final int CHUNK_BYTES = 64 * 1024;

    private Inputs() {
    }

    /**
     * @param name a file name, or {@code -} for standard input
     * @param stdin the standard input
     * @return the file's bytes, in chunks of up to 64 KiB; the file is opened on subscription and
     *         closed at the end, on error and on cancel
     */
    static Flux<ByteBuffer> chunks(String name, InputStream stdin) {
        return Flux.using(() -> open(name, stdin), channel -> Flux.<ByteBuffer>generate(sink -> {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
            try {
                int read = channel.read(chunk);
                while (read == 0) {
                    read = channel.read(chunk);
                }
                if (read < 0) {
                    sink.complete();
                } else {
                    sink.next(chunk.flip());
                }
            } catch (IOException e) {
                sink.error(new UncheckedIOException(e));
            }
        }), Inputs::close);
    }

    /**
     * @param name a file name or {@code -}
     * @param stdin the standard input
     * @return the open channel
     * @throws IOException when the file cannot be opened
     */
    static ReadableByteChannel open(String name, InputStream stdin) throws IOException {
        return name.equals("-") ? Channels.newChannel(stdin) : Files.newByteChannel(Path.of(name));
    }

    private static void close(ReadableByteChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a file name, or {@code -} for stdin
     * @return whether it is a file in the Arrow IPC file format (it starts with the magic
     *         {@code ARROW1}); stdin is read as a stream
     */
    static boolean isArrowFile(String name) {
        if (name.equals("-")) {
            return false;
        }
        byte[] magic = new byte[6];
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(name))) {
            return in.readNBytes(magic, 0, 6) == 6
                    && new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals("ARROW1");
        } catch (IOException e) {
            return false;
        }
    }
}
