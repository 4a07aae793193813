package io.redisarrow.core.internal.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Which SCAN cursor a read can restart from once the keys before a given one are all handed on.
 * {@link ScanKeySource} records each page as it arrives (where its keys start in the order keys
 * are emitted, how many it holds, the cursor that asked for it and the cursor it gave);
 * {@link #after(long)} answers for the first key not yet handed on: the cursor that asked for its
 * page, or, when it is the first key of a page not yet read, the cursor of the last page read. So a
 * restart reads again at most the page the position falls in.
 *
 * <p>Pages at or before the last position asked about are forgotten, and runs of empty pages keep
 * only their last, so what is held is bounded by the pages whose keys are in flight. Thread-safe:
 * pages are recorded on an I/O thread and positions asked on the thread that hands batches on.
 */
public final class ScanPositions {

    private final ArrayDeque<Page> pages = new ArrayDeque<>();

    private final String start;

    private long recorded;

    /** @param start the cursor the scan starts from ({@code 0} for the beginning) */
    public ScanPositions(String start) {
        this.start = start;
    }

    /**
     * Records a page in the order pages are read.
     *
     * @param asked the cursor the SCAN was sent with
     * @param keys the keys the page yields
     * @param next the cursor it returned ({@code 0} at the end)
     */
    synchronized void page(byte[] asked, int keys, byte[] next) {
        Page last = pages.peekLast();
        if (last != null && last.keys == 0) {
            pages.pollLast();
        }
        pages.addLast(new Page(recorded, keys, new String(asked, StandardCharsets.US_ASCII),
                new String(next, StandardCharsets.US_ASCII)));
        recorded += keys;
    }

    /**
     * @param handedOn the keys handed on so far, in emission order (the index of the first key not
     *        handed on)
     * @return the cursor to restart from so that no key not yet handed on is missed: {@code 0} with
     *         {@link Position#finished()} when the scan has ended and every key is handed on
     */
    public synchronized Position after(long handedOn) {
        while (pages.size() > 1 && second().first <= handedOn) {
            pages.pollFirst();
        }
        Page found = pages.peekFirst();
        if (found == null || found.first > handedOn) {
            return new Position(start, false);
        }
        if (handedOn < found.first + found.keys) {
            return new Position(found.asked, false);
        }
        return new Position(found.next, found.next.equals("0"));
    }

    /** @return the pages held, for tests */
    synchronized int held() {
        return pages.size();
    }

    private Page second() {
        var pending = pages.iterator();
        pending.next();
        return pending.next();
    }

    /**
     * @param cursor the cursor to restart from
     * @param finished whether the scan has ended with every key handed on
     */
    public record Position(String cursor, boolean finished) {
    }

    private record Page(long first, int keys, String asked, String next) {
    }
}
