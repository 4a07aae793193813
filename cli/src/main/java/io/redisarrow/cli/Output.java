package io.redisarrow.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where an export goes: a file, written to a temporary file beside it ({@code .name.part}) and
 * renamed onto it by {@link #commit()}, so the file is complete or absent; an existing path that
 * is not a regular file ({@code /dev/null}, a named pipe), written directly, since renaming onto
 * it would replace it; or standard output ({@code -}). Closing an output not committed deletes the
 * temporary file.
 *
 * <p>A resumable export ({@code --checkpoint}) writes its file {@link #inPlace in place} instead,
 * so that what it has written stays when it stops, and a resumed one appends to it.
 */
final class Output implements AutoCloseable {

    private final Path target;

    private final Path part;

    private final FileChannel channel;

    private final OutputStream stream;

    private final boolean direct;

    private boolean committed;

    private Output(Path target, Path part, FileChannel channel, OutputStream stream) {
        this(target, part, channel, stream, false);
    }

    private Output(Path target, Path part, FileChannel channel, OutputStream stream, boolean direct) {
        this.target = target;
        this.part = part;
        this.channel = channel;
        this.stream = stream;
        this.direct = direct;
    }

    /**
     * @param name a file name, or {@code -} for standard output
     * @param stdout the standard output
     * @return the output, open
     * @throws UncheckedIOException when the temporary file cannot be created (its folder missing,
     *         no permission)
     */
    static Output open(String name, OutputStream stdout) {
        if (name.equals("-")) {
            return new Output(null, null, null, stdout);
        }
        Path target = Path.of(name).toAbsolutePath();
        try {
            if (Files.isDirectory(target)) {
                throw new IllegalArgumentException("--out " + name + " is a folder; name a file in it");
            }
            if (!viaTemporaryFile(target)) {
                return new Output(target, null, null, Files.newOutputStream(target, StandardOpenOption.WRITE), true);
            }
            Path part = partOf(target);
            if (!Files.isDirectory(target.getParent())) {
                throw new NoSuchFileException(target.getParent().toString(), null, "--out's folder does not exist");
            }
            FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            return new Output(target, part, channel, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a regular file to be written in place: what is written stays there whether or not the
     * output is committed.
     *
     * @param name the file's name, as given
     * @param keep {@code -1} to start the file empty (creating it), else the bytes to keep of the
     *        existing file: anything after them (a batch half-written when an export was killed) is
     *        cut off, and writing goes on from there
     * @return the output, open
     * @throws IllegalArgumentException when the path is standard output, a folder or not a regular file
     * @throws DataException when the file holds fewer than {@code keep} bytes
     * @throws UncheckedIOException when it cannot be opened ({@code NoSuchFileException} when
     *         {@code keep >= 0} and it is absent)
     */
    static Output inPlace(String name, long keep) {
        if (name.equals("-")) {
            throw new IllegalArgumentException("--checkpoint needs --out FILE, a file it can append to, not -");
        }
        Path target = Path.of(name).toAbsolutePath();
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new IllegalArgumentException("--checkpoint needs --out to be a regular file; " + name + " is not");
        }
        try {
            FileChannel channel = keep < 0
                    ? FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)
                    : FileChannel.open(target, StandardOpenOption.WRITE);
            if (keep >= 0) {
                long size = channel.size();
                if (size < keep) {
                    channel.close();
                    throw new DataException(name + " holds " + size + " bytes, fewer than the " + keep
                            + " the checkpoint says were written: it changed since; export again without --resume", null);
                }
                channel.truncate(keep);
                channel.position(keep);
            }
            return new Output(target, null, channel, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param target the file asked for
     * @return whether it is written to a temporary file renamed onto it at the end: a regular
     *         file or none yet, not a device or pipe
     */
    static boolean viaTemporaryFile(Path target) {
        return !Files.exists(target) || Files.isRegularFile(target);
    }

    /**
     * @param target the file asked for
     * @return the temporary file written until the commit
     */
    static Path partOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    /** @param buffer bytes to append, all written */
    void write(ByteBuffer buffer) {
        try {
            if (channel != null) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } else if (buffer.hasArray()) {
                stream.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                buffer.position(buffer.limit());
            } else {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                stream.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the file complete: flushes, then renames the temporary file onto it. */
    void commit() {
        try {
            if (channel != null) {
                channel.force(false);
                channel.close();
                if (part != null) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } else {
                stream.flush();
                if (direct) {
                    stream.close();
                }
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the bytes of a file written in place so far ({@link #inPlace}), what it kept included
     * @throws UncheckedIOException when the file cannot be asked
     */
    long position() {
        try {
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file written, or {@code -} */
    String name() {
        return target == null ? "-" : target.toString();
    }

    /** Deletes the temporary file unless committed; a file written in place stays. */
    @Override
    public void close() {
        if (direct && !committed) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (channel == null || committed) {
            return;
        }
        try {
            channel.close();
            if (part != null) {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
