package io.redisarrow.core;

import io.lettuce.core.RedisURI;
import io.redisarrow.core.internal.observe.Telemetry;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to connect: the Redis URL and the connect and command timeouts. Immutable;
 * {@link #toString()} never shows the password.
 *
 * <p>URL forms: {@code redis://[[user]:password@]host[:port][/database][?timeout=30s]} and
 * {@code rediss://...} for TLS. A {@code timeout} in the URL sets the command timeout unless
 * {@link Builder#commandTimeout(Duration)} is given.
 *
 * <p>TLS: {@code rediss://host:port?verifyPeer=FULL|CA|NONE} says how every connection checks
 * the server, the shared one and each read's own alike: {@code FULL} (the default) checks that a
 * CA of the JVM's trust store ({@code javax.net.ssl.trustStore}) signed the certificate and that
 * it names the URL's host; {@code CA} checks the signature only; {@code NONE} checks nothing.
 *
 * <p>Metrics: with {@link Builder#meterRegistry(Object)} every read records Micrometer meters
 * ({@code redisarrow.*}, see {@code docs/operations.md}); reads log through SLF4J either way.
 */
public final class ConnectionOptions {

    /** Default for {@link Builder#connectTimeout(Duration)}: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Default for {@link Builder#commandTimeout(Duration)}: 60 seconds per round trip. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final RedisURI uri;

    private final String redactedUrl;

    private final Duration connectTimeout;

    private final Duration commandTimeout;

    private final RetryPolicy retry;

    private final boolean readFromReplicas;

    private final @Nullable Object meterRegistry;

    private ConnectionOptions(RedisURI uri, String redactedUrl, Duration connectTimeout, Duration commandTimeout,
            RetryPolicy retry, boolean readFromReplicas, @Nullable Object meterRegistry) {
        this.uri = uri;
        this.redactedUrl = redactedUrl;
        this.connectTimeout = connectTimeout;
        this.commandTimeout = commandTimeout;
        this.retry = retry;
        this.readFromReplicas = readFromReplicas;
        this.meterRegistry = meterRegistry;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param url a Redis URL
     * @return options with default timeouts
     * @throws IllegalArgumentException when the URL is malformed
     */
    public static ConnectionOptions of(String url) {
        return builder().url(url).build();
    }

    /** @return the parsed URL (a copy the caller may change) */
    public RedisURI redisUri() {
        return RedisURI.builder(uri).build();
    }

    /** @return {@code host:port} of the server, for messages */
    public String address() {
        return uri.getHost() + ":" + uri.getPort();
    }

    /** @return the connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the longest one round trip may take */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** @return how reads retry transient failures; see {@link Builder#retry(RetryPolicy)} */
    public RetryPolicy retry() {
        return retry;
    }

    /** @return whether cluster scans read from replicas; see {@link Builder#readFromReplicas(boolean)} */
    public boolean readFromReplicas() {
        return readFromReplicas;
    }

    /**
     * @return the Micrometer {@code io.micrometer.core.instrument.MeterRegistry} the session's meters
     *         go to, or null when there are none (see {@link Builder#meterRegistry(Object)})
     */
    public @Nullable Object meterRegistry() {
        return meterRegistry;
    }

    @Override
    public String toString() {
        return "ConnectionOptions{url=" + redactedUrl + ", connectTimeout=" + connectTimeout + ", commandTimeout="
                + commandTimeout + ", retry=" + retry + ", readFromReplicas=" + readFromReplicas
                + (meterRegistry == null ? "" : ", meterRegistry=" + meterRegistry.getClass().getSimpleName()) + '}';
    }

    /** Builder of {@link ConnectionOptions}; setters validate eagerly. */
    public static final class Builder {

        private RedisURI uri;

        private String redactedUrl;

        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Duration commandTimeout;

        private RetryPolicy retry = RetryPolicy.DEFAULT;

        private boolean readFromReplicas;

        private @Nullable Object meterRegistry;

        private Builder() {
        }

        /**
         * @param url {@code redis://[[user]:password@]host[:port][/database][?timeout=...]} or {@code rediss://...}
         * @return this builder
         * @throws IllegalArgumentException when the URL is malformed
         */
        public Builder url(String url) {
            this.uri = RedisUrls.parse(url);
            this.redactedUrl = RedisUrls.redact(url.trim());
            return this;
        }

        /**
         * @param connectTimeout how long opening a connection may take, all steps together: TCP,
         *        TLS, the AUTH/SELECT set-up and (for the shared connection) the cluster-mode check;
         *        a server that accepts and never answers fails within it. See
         *        {@link #DEFAULT_CONNECT_TIMEOUT}
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * @param commandTimeout the longest one round trip (one batch) may take; see
         *        {@link #DEFAULT_COMMAND_TIMEOUT}
         * @return this builder
         */
        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = positive(commandTimeout, "commandTimeout");
            return this;
        }

        /**
         * @param retry how reads ride out transient failures (a lost connection, a server loading, a
         *        cluster failing over): {@link RetryPolicy#DEFAULT} unless set; {@link RetryPolicy#NONE}
         *        ends a read at its first failure
         * @return this builder
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry must not be null");
            return this;
        }

        /**
         * @param readFromReplicas whether a scan of a Redis Cluster reads each master's slots from one
         *        of its replicas (SCAN and fetches, with {@code READONLY}) when it has one, leaving the
         *        masters to the application; replicas lag behind their master, so a key written just
         *        before may be missing. Off by default; ignored by a standalone Redis
         * @return this builder
         */
        public Builder readFromReplicas(boolean readFromReplicas) {
            this.readFromReplicas = readFromReplicas;
            return this;
        }

        /**
         * Records the meters of every read and write in a Micrometer registry: rows, batches, bytes,
         * round trips (a timer), round trips in flight, retries, errors and active reads, each tagged
         * with the operation and the node ({@code docs/operations.md} lists them). Micrometer is an
         * optional dependency of redis-arrow: the application that gives a registry has it; without
         * one, no Micrometer class is loaded.
         *
         * <p>Typed {@code Object} so that this class names no Micrometer type and stays usable, also
         * by reflection, without Micrometer on the class path; {@code RedisArrow.Builder} takes a
         * {@code MeterRegistry}.
         *
         * @param meterRegistry an {@code io.micrometer.core.instrument.MeterRegistry}; null (the
         *        default) for no metrics
         * @return this builder
         * @throws IllegalArgumentException when it is neither null nor a {@code MeterRegistry}
         */
        public Builder meterRegistry(@Nullable Object meterRegistry) {
            this.meterRegistry = Telemetry.requireMeterRegistry(meterRegistry);
            return this;
        }

        /** @return the options */
        public ConnectionOptions build() {
            if (uri == null) {
                throw new IllegalArgumentException("url must be set");
            }
            Duration command = commandTimeout;
            if (command == null) {
                command = RedisUrls.hasTimeout(uri) ? uri.getTimeout() : DEFAULT_COMMAND_TIMEOUT;
            }
            return new ConnectionOptions(uri, redactedUrl, connectTimeout, command, retry, readFromReplicas,
                    meterRegistry);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name + " must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be > 0");
            }
            return value;
        }
    }
}
