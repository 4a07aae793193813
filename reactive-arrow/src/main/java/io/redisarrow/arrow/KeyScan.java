package io.redisarrow.arrow;

import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.TypeFilter;

/**
 * The options every scan of keys shares: which keys SCAN finds (pattern, COUNT, TYPE), on top of
 * those every read shares ({@link ReadOptions}). Immutable.
 */
abstract class KeyScan extends ReadOptions {

    KeyScan(KeyScanBuilder<?> b, ReadRequest read) {
        super(b, read);
    }

    /** @return the SCAN MATCH glob */
    public String pattern() {
        return read().pattern();
    }

    /** @return the SCAN COUNT hint */
    public int countHint() {
        return read().countHint();
    }

    /** @return when SCAN filters by the data type on the server */
    public TypeFilter typeFilter() {
        return read().typeFilter();
    }

    @Override
    String commonOptions() {
        return "pattern='" + pattern() + "', countHint=" + countHint() + ", typeFilter=" + typeFilter() + ", "
                + super.commonOptions();
    }
}
