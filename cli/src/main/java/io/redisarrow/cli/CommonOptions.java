package io.redisarrow.cli;

import picocli.CommandLine.Option;

/** The options every command that talks to Redis takes. */
final class CommonOptions {

    /** The URL used when neither {@code --url} nor {@code REDIS_URL} is given. */
    static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    @Option(names = { "-u", "--url" }, paramLabel = "URL",
            description = { "Redis URL such as redis://user:pass@host:6379/0",
                "(default: $REDIS_URL, else " + DEFAULT_URL + ")." })
    String url;

    @Option(names = { "-q", "--quiet" }, description = "No progress bar and no summary on stderr.")
    boolean quiet;

    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;

    /** @return the URL given, else {@code REDIS_URL}, else {@code null} */
    String givenUrl() {
        if (url != null && !url.isBlank()) {
            return url;
        }
        String env = System.getenv("REDIS_URL");
        return env == null || env.isBlank() ? null : env;
    }

    /** @return the URL given, else {@code REDIS_URL}, else {@link #DEFAULT_URL} */
    String url() {
        String given = givenUrl();
        return given == null ? DEFAULT_URL : given;
    }

    /**
     * @param streams the run's streams
     * @return whether to draw progress: a terminal, and not {@code --quiet}
     */
    boolean progressShown(Streams streams) {
        return !quiet && streams.terminal();
    }
}
