package io.redisarrow.cli;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * One frame of the progress bar, as text: the task, the percent when the total is known, what is
 * done, the time elapsed and left, and the rows per second, such as
 *
 * <pre>
 * export  40% 120,000 of at most 300,000 keys, 118,000 rows (0:00:03 / 0:00:04) 40,000 rows/s
 * export  40% [========&gt;            ] 2,000 of 5,000 rows (0:00:03 / 0:00:04) 666 rows/s
 * import 120,000 rows (0:00:03) 40,000 rows/s
 * </pre>
 *
 * A scan measures its progress in keys against a key count that is an upper bound ({@code DBSIZE}
 * counts keys of every type and name), hence "of at most"; a search or a limited export in rows
 * against an exact total. When the line would not fit, the counts are shortened ({@code 1.2M}),
 * then the times ({@code 1:05} for {@code 0:01:05}). Counted in rows, an ASCII bar takes the width
 * the rest leaves, if that is at least {@value #SHORTEST_BAR}; a scan's line has no bar, which
 * the length of "of at most" would squeeze out as the counts grow.
 *
 * @param task the task, such as {@code export}
 * @param keys the keys delivered, or {@code -1} when progress is counted in rows
 * @param keyTotal the keys there are at most, or {@code -1} when unknown
 * @param rows the rows done
 * @param rowTotal the rows there will be ({@code keys < 0} only), or {@code -1} when unknown
 * @param seconds the seconds elapsed
 * @param rowsPerSecond the rows per second
 * @param etaSeconds the seconds left, or {@code -1} when unknown
 * @param finished whether the work is done (the count is then exact: no "at most", no ETA)
 */
record ProgressLine(String task, long keys, long keyTotal, long rows, long rowTotal, double seconds,
        double rowsPerSecond, double etaSeconds, boolean finished) {

    private static final int SHORTEST_BAR = 10;

    /**
     * @param width the most characters the line may take
     * @return the line, at most {@code width} characters when the counts allow it
     */
    String render(int width) {
        String line = render(width, false, false);
        if (line.length() > width) {
            line = render(width, true, false);
        }
        return line.length() <= width ? line : render(width, true, true);
    }

    private String render(int width, boolean compact, boolean shortTimes) {
        long done = keys >= 0 ? keys : rows;
        long total = keys >= 0 ? keyTotal : rowTotal;
        StringBuilder rest = new StringBuilder();
        if (keys >= 0) {
            rest.append(count(keys, compact));
            if (total >= 0 && !finished) {
                rest.append(" of at most ").append(count(total, compact));
            }
            rest.append(" keys, ").append(count(rows, compact)).append(" rows");
        } else {
            rest.append(count(rows, compact));
            if (total >= 0 && !finished) {
                rest.append(" of ").append(count(total, compact));
            }
            rest.append(" rows");
        }
        rest.append(" (").append(time(seconds, shortTimes));
        if (total >= 0 && !finished) {
            rest.append(" / ").append(etaSeconds < 0 ? "?" : time(etaSeconds, shortTimes));
        }
        rest.append(") ").append(count(Math.round(rowsPerSecond), compact)).append(" rows/s");
        if (total < 0) {
            return task + " " + rest;
        }
        int percent = finished ? 100 : total == 0 ? 99 : (int) Math.min(99, done * 100 / total);
        String head = task + " " + String.format(Locale.ROOT, "%3d%%", percent) + " ";
        int barWidth = width - head.length() - rest.length() - 3;
        if (keys >= 0 || barWidth < SHORTEST_BAR) {
            return head + rest;
        }
        return head + bar(barWidth, finished ? 1.0 : total == 0 ? 0.0 : Math.min(1.0, (double) done / total)) + " " + rest;
    }

    /** @return {@code [===>    ]}, {@code width} characters between the brackets */
    static String bar(int width, double fraction) {
        int full = (int) Math.floor(fraction * width);
        StringBuilder bar = new StringBuilder(width + 2).append('[');
        bar.append("=".repeat(full));
        if (full < width) {
            bar.append(full > 0 ? ">" : " ");
            bar.append(" ".repeat(width - full - 1));
        }
        return bar.append(']').toString();
    }

    /** @return {@code 1,234,567}, or compact {@code 1.2M} */
    static String count(long value, boolean compact) {
        if (compact && value >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fG", value / 1e9);
        }
        if (compact && value >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1fM", value / 1e6);
        }
        if (compact && value >= 10_000L) {
            return String.format(Locale.ROOT, "%.0fk", value / 1e3);
        }
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** @return {@code H:MM:SS}, or when short and under an hour {@code M:SS} */
    static String time(double seconds, boolean shortForm) {
        long s = Math.max(0, Math.round(seconds));
        if (shortForm && s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
