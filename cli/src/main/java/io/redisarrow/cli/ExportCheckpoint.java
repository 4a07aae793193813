package io.redisarrow.cli;

import io.redisarrow.core.ScanCheckpoint;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * What {@code export --checkpoint FILE} saves after each batch it has written, and
 * {@code export --resume FILE} reads: the scan's checkpoint ({@link ScanCheckpoint#toString()}),
 * and what a resumed export must match to append to the same file: the output file and its length
 * up to and with the batch, the format, what was read and the schema the rows were written with
 * (an inferred schema is not inferred again: a new sample could give other columns), as Arrow's
 * JSON form of a schema.
 *
 * <p>The file is a {@link Properties} text ({@code scan=redis-arrow-checkpoint-1;...},
 * {@code bytes=48211}, ...), written to a temporary file beside it and moved onto it, so it is
 * always the whole of one save.
 *
 * @param out the output file, absolute
 * @param format its format ({@link OutputFormat#CSV} or {@link OutputFormat#NDJSON})
 * @param json whether JSON documents were read ({@code -j}), else hashes ({@code -p})
 * @param pattern the keys' pattern
 * @param schema the fields' schema the rows were written with
 * @param bytes the output's length once the batch was written (the CSV header alone before the
 *        first batch)
 * @param scan where the scan stood after the batch, or {@code null} before the first batch
 */
record ExportCheckpoint(Path out, OutputFormat format, boolean json, String pattern, Schema schema, long bytes,
        @Nullable ScanCheckpoint scan) {

    private static final String HEADER = "redis-arrow export checkpoint: resume with export --resume FILE";

    /**
     * @param bytes the output's length now
     * @param at where the scan stands
     * @return this checkpoint, moved on
     */
    ExportCheckpoint at(long bytes, @Nullable ScanCheckpoint at) {
        return new ExportCheckpoint(out, format, json, pattern, schema, bytes, at);
    }

    /** @return the source's option and pattern, for messages: {@code -p 'user:*'} */
    String source() {
        return (json ? "-j '" : "-p '") + pattern + "'";
    }

    /**
     * Saves the checkpoint: a temporary file beside {@code file}, then moved onto it.
     *
     * @param file the checkpoint file
     * @throws UncheckedIOException when it cannot be written
     */
    void save(Path file) {
        Properties properties = new Properties();
        properties.setProperty("out", out.toString());
        properties.setProperty("format", format.name().toLowerCase(Locale.ROOT));
        properties.setProperty("source", json ? "json" : "hashes");
        properties.setProperty("pattern", pattern);
        properties.setProperty("schema", schema.toJson());
        properties.setProperty("bytes", Long.toString(bytes));
        properties.setProperty("scan", scan == null ? "" : scan.toString());
        StringWriter text = new StringWriter();
        try {
            properties.store(text, HEADER);
            Path temporary = temporaryOf(file);
            Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file a checkpoint file
     * @return what it holds
     * @throws UncheckedIOException when it cannot be read ({@code NoSuchFileException} when absent)
     * @throws IllegalArgumentException when it is not an export checkpoint
     */
    static ExportCheckpoint read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw invalid(file, e.getMessage());
        }
        try {
            String out = required(properties, "out", file);
            OutputFormat format = OutputFormat.valueOf(required(properties, "format", file).toUpperCase(Locale.ROOT));
            String source = required(properties, "source", file);
            if (!source.equals("json") && !source.equals("hashes")) {
                throw invalid(file, "source is hashes or json, not '" + source + "'");
            }
            long bytes = Long.parseLong(required(properties, "bytes", file));
            if (bytes < 0) {
                throw invalid(file, "bytes is negative");
            }
            String scan = properties.getProperty("scan", "");
            Schema schema;
            try {
                schema = Schema.fromJSON(required(properties, "schema", file));
            } catch (IOException e) {
                throw invalid(file, "schema: " + e.getMessage());
            }
            return new ExportCheckpoint(Path.of(out), format, source.equals("json"),
                    required(properties, "pattern", file), schema, bytes,
                    scan.isEmpty() ? null : ScanCheckpoint.parse(scan));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("--resume") ? e : invalid(file, e.getMessage());
        }
    }

    private static String required(Properties properties, String name, Path file) {
        String value = properties.getProperty(name);
        if (value == null) {
            throw invalid(file, "no " + name);
        }
        return value;
    }

    private static IllegalArgumentException invalid(Path file, String why) {
        return new IllegalArgumentException("--resume " + file + " is not an export checkpoint (" + why + ")");
    }

    /**
     * @param file the checkpoint file
     * @return the temporary file a save writes first
     */
    static Path temporaryOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp");
    }
}
