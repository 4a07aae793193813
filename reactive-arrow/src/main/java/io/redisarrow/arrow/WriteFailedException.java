package io.redisarrow.arrow;

import io.redisarrow.core.RedisArrowException;

/**
 * A write under {@link WriteErrorPolicy#FAIL} met keys the server refused. The batch's other keys
 * were written; its {@link #result()} says which failed and why.
 */
public final class WriteFailedException extends RedisArrowException {

    private static final long serialVersionUID = 1L;

    private final transient WriteResult result;

    WriteFailedException(WriteResult result) {
        super(message(result));
        this.result = result;
    }

    private static String message(WriteResult result) {
        WriteFailure first = result.failures().get(0);
        int more = result.failures().size() - 1;
        return "the server refused " + result.failures().size() + " key(s) of a batch of " + result.rows()
                + " rows; first '" + first.key() + "': " + first.reason()
                + (more > 0 ? " (and " + more + " more, see result())" : "")
                + "; the batch's other rows were written (" + result.written() + ") or skipped (" + result.skipped()
                + "); WriteErrorPolicy.REPORT reports failures and goes on";
    }

    /** @return the result of the batch that failed */
    public WriteResult result() {
        return result;
    }
}
