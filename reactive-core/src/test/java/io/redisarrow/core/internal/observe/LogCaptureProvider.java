package io.redisarrow.core.internal.observe;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The SLF4J backend of this module's tests: the {@code io.redisarrow} loggers, every level enabled,
 * write to {@link LogCapture} while it captures; every other logger is off.
 */
public final class LogCaptureProvider implements SLF4JServiceProvider {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);

    private final IMarkerFactory markers = new BasicMarkerFactory();

    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    /** Passes the lines of the library's loggers to {@link LogCapture}. */
    private static final class CapturingLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        private final boolean captured;

        CapturingLogger(String name) {
            this.name = name;
            this.captured = name.startsWith("io.redisarrow");
        }

        @Override
        public boolean isTraceEnabled() {
            return captured;
        }

        @Override
        public boolean isDebugEnabled() {
            return captured;
        }

        @Override
        public boolean isInfoEnabled() {
            return captured;
        }

        @Override
        public boolean isWarnEnabled() {
            return captured;
        }

        @Override
        public boolean isErrorEnabled() {
            return captured;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            if (captured) {
                LogCapture.add(new LogCapture.Line(level, name,
                        MessageFormatter.basicArrayFormat(pattern, arguments), throwable));
            }
        }
    }
}
