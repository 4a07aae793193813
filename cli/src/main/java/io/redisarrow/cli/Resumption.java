package io.redisarrow.cli;

import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The rules of {@code export --checkpoint} and {@code --resume}: what can be checkpointed, and
 * what a resumed export must repeat of the export it goes on with.
 */
final class Resumption {

    private Resumption() {
    }

    /**
     * @param source what is read
     * @param format the output's format
     * @param out the output's name
     * @param file the checkpoint file
     * @throws IllegalArgumentException for a search (no scan position), an Arrow format (not
     *         appendable), standard output, or a checkpoint file that is the output
     */
    static void check(Source source, OutputFormat format, String out, Path file) {
        if (source.index != null) {
            throw new IllegalArgumentException("--checkpoint and --resume need -p or -j: a search has no scan position"
                    + " to resume from");
        }
        if (format == OutputFormat.ARROW || format == OutputFormat.ARROWS) {
            throw new IllegalArgumentException("--checkpoint and --resume need -f ndjson or csv, not "
                    + format.name().toLowerCase(Locale.ROOT) + ": an Arrow IPC file or stream cannot be appended to"
                    + " (it ends with its footer or end-of-stream marker), so an Arrow export cannot go on where it stopped");
        }
        if (out.equals("-")) {
            throw new IllegalArgumentException("--checkpoint and --resume need --out FILE, a file to append to, not -");
        }
        if (Path.of(out).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--checkpoint and --resume name a file of their own, not --out " + out);
        }
    }

    /**
     * Checks that a resumed export repeats the export of its checkpoint, and gives the schema to read with.
     *
     * @param resumed the checkpoint
     * @param file its file, for messages
     * @param source what is read now
     * @param format the output's format now
     * @param out the output's name now
     * @param given the schema given now, or {@code null}
     * @return the checkpoint's schema, which the rows already in the file were written with
     * @throws IllegalArgumentException naming what differs
     */
    static Schema schema(ExportCheckpoint resumed, Path file, Source source, OutputFormat format, String out,
            Schema given) {
        Path target = Path.of(out).toAbsolutePath().normalize();
        if (!resumed.out().normalize().equals(target)) {
            throw new IllegalArgumentException("--resume " + file + " is the checkpoint of an export to " + resumed.out()
                    + ", not to " + target + ": give that --out");
        }
        if (resumed.format() != format) {
            throw new IllegalArgumentException("--resume " + file + " is the checkpoint of a "
                    + resumed.format().name().toLowerCase(Locale.ROOT) + " export, not "
                    + format.name().toLowerCase(Locale.ROOT));
        }
        boolean json = source.json != null;
        String pattern = json ? source.json : source.pattern;
        if (resumed.json() != json || !resumed.pattern().equals(pattern)) {
            throw new IllegalArgumentException("--resume " + file + " is the checkpoint of an export of "
                    + resumed.source() + ", not " + (json ? "-j '" : "-p '") + pattern + "'");
        }
        if (given != null && !given.equals(resumed.schema())) {
            throw new IllegalArgumentException("--resume " + file + ": the rows already written have the schema "
                    + describe(resumed.schema()) + ", not " + describe(given) + "; leave -s out to use theirs");
        }
        return resumed.schema();
    }

    private static String describe(Schema schema) {
        try {
            return SchemaText.format(schema);
        } catch (IllegalArgumentException e) {
            return schema.toString();
        }
    }

    /**
     * Removes the checkpoint of an export that has ended.
     *
     * @param file the checkpoint file
     * @throws UncheckedIOException when it cannot be removed
     */
    static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(ExportCheckpoint.temporaryOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
