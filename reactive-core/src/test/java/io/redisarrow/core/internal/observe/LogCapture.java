package io.redisarrow.core.internal.observe;

import org.slf4j.event.Level;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The log lines of the library while a test captures them ({@link #start()}, {@link #stop()}),
 * as {@link LogCaptureProvider} delivers them from any thread.
 */
public final class LogCapture {

    private static final List<Line> LINES = new CopyOnWriteArrayList<>();

    private static volatile boolean capturing;

    private LogCapture() {
    }

    /** Forgets the lines so far and captures from now on. */
    public static void start() {
        LINES.clear();
        capturing = true;
    }

    /** Stops capturing and forgets the lines. */
    public static void stop() {
        capturing = false;
        LINES.clear();
    }

    static void add(Line line) {
        if (capturing) {
            LINES.add(line);
        }
    }

    /** @return the lines of one logger, as {@code LEVEL message} */
    public static List<String> lines(String logger) {
        return LINES.stream().filter(line -> line.logger().equals(logger))
                .map(line -> line.level() + " " + line.message()).collect(Collectors.toList());
    }

    /** @return every line captured */
    public static List<Line> all() {
        return List.copyOf(LINES);
    }

    /**
     * One line.
     *
     * @param level its level
     * @param logger its logger's name
     * @param message the message with its arguments in place
     * @param throwable the throwable logged with it, or null
     */
    public record Line(Level level, String logger, String message, Throwable throwable) {
    }
}
