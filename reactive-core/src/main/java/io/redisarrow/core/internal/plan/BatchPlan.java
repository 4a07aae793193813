package io.redisarrow.core.internal.plan;

import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.ReadRequest;

/**
 * The sizes a read actually uses: the request's, capped by its row limit so a small
 * {@code limit} does not fetch far more than it returns. A batch never holds more keys than rows
 * are wanted, no more round trips are in flight than the limit can fill, and a SCAN COUNT chosen
 * by default asks for no more keys than the limit (at least {@link #MIN_COUNT}, Redis' own
 * default, so a sparse pattern still advances). A COUNT the user set is kept.
 *
 * @param batchSize keys per round trip
 * @param parallel round trips in flight
 * @param countHint SCAN COUNT
 */
record BatchPlan(int batchSize, int parallel, int countHint) {

    /** The smallest SCAN COUNT chosen for a limited read: Redis' default. */
    static final int MIN_COUNT = 10;

    static BatchPlan of(ReadRequest request) {
        long limit = request.limit();
        // rows of one key grouped into one: the limit counts keys, and a batch still holds whole keys
        boolean grouped = request.values() instanceof CollectionValues collection && collection.groupedByKey();
        int batchSize = grouped ? request.batchSize() : (int) Math.min(request.batchSize(), Math.max(1, limit));
        long batchesToFill = limit / batchSize + (limit % batchSize == 0 ? 0 : 1);
        int parallel = (int) Math.min(request.parallel(), Math.max(1, batchesToFill));
        int countHint = request.countHintSet() ? request.countHint()
                : (int) Math.min(request.countHint(), Math.max(MIN_COUNT, limit));
        return new BatchPlan(batchSize, parallel, countHint);
    }
}
