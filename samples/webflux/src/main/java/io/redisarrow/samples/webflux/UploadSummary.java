package io.redisarrow.samples.webflux;

import io.redisarrow.arrow.WriteResult;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code POST /users} answers: the totals of the write's results, and each key the server
 * refused with its reason.
 *
 * @param batches batches written
 * @param rows rows received
 * @param written keys written
 * @param skipped keys left as they were (SKIP_EXISTING)
 * @param failed keys the server refused
 * @param failures each refused key and why
 */
public record UploadSummary(long batches, long rows, long written, long skipped, long failed, List<Failure> failures) {

    /**
     * A key the server refused.
     *
     * @param key the key
     * @param reason the server's reason
     */
    public record Failure(String key, String reason) {
    }

    /**
     * @param results one result per batch
     * @return their totals
     */
    static UploadSummary of(List<WriteResult> results) {
        long rows = 0;
        long written = 0;
        long skipped = 0;
        long failed = 0;
        List<Failure> failures = new ArrayList<>();
        for (WriteResult result : results) {
            rows += result.rows();
            written += result.written();
            skipped += result.skipped();
            failed += result.failed();
            result.failures().forEach(f -> failures.add(new Failure(f.key(), f.reason())));
        }
        return new UploadSummary(results.size(), rows, written, skipped, failed, List.copyOf(failures));
    }
}
