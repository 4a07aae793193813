package io.redisarrow.cli;

/** Input data that cannot be read as asked: exit code {@link ExitCodes#DATA}. */
final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     * @param cause the underlying error, if any
     */
    DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
