package io.redisarrow.cli;

import picocli.CommandLine.Option;

/** What to read: hashes by pattern, JSON documents by pattern, or a RediSearch query. Exactly one. */
final class Source {

    @Option(names = { "-p", "--pattern" }, paramLabel = "GLOB", description = "Hashes whose keys match GLOB.")
    String pattern;

    @Option(names = { "-j", "--json" }, paramLabel = "GLOB", description = "JSON documents whose keys match GLOB.")
    String json;

    @Option(names = { "-i", "--index" }, paramLabel = "NAME", description = "Documents of RediSearch index NAME.")
    String index;

    /** @return a description for messages, such as {@code hashes 'user:*'} */
    String describe() {
        return pattern != null ? "hashes '" + pattern + "'" : json != null ? "JSON documents '" + json + "'"
                : "index '" + index + "'";
    }
}
