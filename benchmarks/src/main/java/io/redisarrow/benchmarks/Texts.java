package io.redisarrow.benchmarks;

import java.util.Locale;

/** How the reports write numbers and verdicts: one place for every table and finding. */
final class Texts {

    private Texts() {
    }

    /** @return {@code yes}, or a bold {@code no} that stands out in a table */
    static String yes(boolean reached) {
        return reached ? "yes" : "**no**";
    }

    /** @return the text formatted with the root locale (dots for decimals, commas for thousands) */
    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
