package io.redisarrow.cli;

import io.lettuce.core.RedisException;
import io.redisarrow.arrow.UnsupportedArrowTypeException;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.arrow.WriteFailedException;
import io.redisarrow.core.RedisArrowException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Objects;

/**
 * The tool's exit codes, and which one an error means: {@value #OK} done; {@value #USAGE} bad
 * usage (an unknown option, a malformed URL or schema, a missing input file); {@value #REDIS}
 * Redis could not be reached or refused a command; {@value #DATA} the data could not be read or
 * written as asked (a value that does not parse, a malformed Arrow or CSV input, keys the server
 * refused to write, an output file that could not be written); {@value #INTERRUPTED} interrupted
 * (Ctrl-C).
 */
final class ExitCodes {

    /** Done. */
    static final int OK = 0;

    /** Bad usage. */
    static final int USAGE = 1;

    /** Redis or connection error. */
    static final int REDIS = 2;

    /** Data error. */
    static final int DATA = 3;

    /** Interrupted (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /**
     * @param error what failed
     * @return the exit code it means
     */
    static int of(Throwable error) {
        if (error instanceof DataException || error instanceof ValueConversionException
                || error instanceof WriteFailedException || error instanceof UnsupportedArrowTypeException
                || isArrowIpc(error)) {
            return DATA;
        }
        if (error instanceof NoSuchFileException || error instanceof AccessDeniedException
                || error instanceof FileAlreadyExistsException) {
            return USAGE;
        }
        if (error instanceof UncheckedIOException io) {
            return of(io.getCause());
        }
        if (error instanceof IOException) {
            return DATA;
        }
        if (error instanceof RedisException || error instanceof RedisArrowException) {
            return REDIS;
        }
        if (error instanceof IllegalArgumentException) {
            return USAGE;
        }
        return error.getCause() != null && error.getCause() != error ? ofCause(error.getCause()) : DATA;
    }

    private static int ofCause(Throwable cause) {
        int code = of(cause);
        return code == USAGE ? DATA : code;
    }

    private static boolean isArrowIpc(Throwable error) {
        return error.getClass().getSimpleName().equals("ArrowIpcException");
    }

    /**
     * @param error what failed
     * @return one line a person can act on: the error's message, and its cause's when that adds to it
     */
    static String message(Throwable error) {
        if (error instanceof UncheckedIOException io && io.getCause() != null) {
            return message(io.getCause());
        }
        String text = text(error);
        Throwable cause = error.getCause();
        while (cause != null && cause != error) {
            String more = text(cause);
            if (!text.contains(more)) {
                text = text + ": " + more;
            }
            error = cause;
            cause = cause.getCause();
        }
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private static String text(Throwable error) {
        String message = error.getMessage();
        if (error instanceof NoSuchFileException) {
            return "no such file: " + message;
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (error instanceof FileAlreadyExistsException) {
            return "file exists: " + message;
        }
        return message == null || message.isBlank() ? error.getClass().getSimpleName()
                : Objects.requireNonNull(message);
    }
}
