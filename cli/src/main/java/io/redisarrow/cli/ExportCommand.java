package io.redisarrow.cli;

import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code export}: hashes, JSON documents or a search result into an Arrow IPC, CSV or NDJSON file. */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Export hashes, JSON or a search result to Arrow, CSV or NDJSON.",
        description = { "Write hashes, JSON documents or a search result to a file.",
            "The file is written under a temporary name and renamed when complete:",
            "interrupted (Ctrl-C), it is left absent, never half-written." },
        footer = { "", "Examples:",
            "  redis-arrow export -p 'user:*' -o users.arrow",
            "  redis-arrow export -p 'user:*' -s 'name:utf8,age:int32' -o users.csv",
            "  redis-arrow export -i idx:users --query '@age:[30 40]' -o - -f ndjson" })
final class ExportCommand implements Callable<Integer> {

    /** How long an interrupted run waits for the batches in flight to be closed. */

    private final Streams streams;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "What to read (one of):%n")
    Source source;

    @Option(names = "--query", paramLabel = "QUERY",
            description = "RediSearch query for --index (default: *, every document).")
    String query;

    @Option(names = { "-s", "--schema" }, paramLabel = "SCHEMA",
            description = "Fields and types, e.g. name:utf8,age:int32 (see `infer`;"
                    + " default: inferred from a sample, or the index's).")
    String schema;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "1000",
            description = "Keys sampled to infer the schema (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = { "-o", "--out" }, paramLabel = "FILE", required = true,
            description = "Output file, or - for stdout.")
    String out;

    @Option(names = { "-f", "--format" }, paramLabel = "FORMAT",
            description = "arrow (IPC file), arrows (IPC stream), csv or ndjson (default:"
                    + " from the file's extension, .arrows .csv .ndjson .jsonl, else arrow).")
    String format;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default: all).")
    long limit;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "5000",
            description = "Rows per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Mixin
    CommonOptions common;

    ExportCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        OutputFormat chosen = format == null ? OutputFormat.ofFile(out) : parseFormat(format);
        var given = schema == null ? null : SchemaText.parse(schema);
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0, not " + limit);
        }
        String url = common.url();
        try (RedisArrow redis = RedisArrow.connect(url);
                Interruption.Work work = streams.interruption().begin()) {
            Reads.Read read = Reads.plan(redis, source, query, given, sample, batchSize, limit);
            boolean shown = common.progressShown(streams);
            long expected = shown ? Reads.expectedRows(redis, url, source, limit) : -1;
            try (Output output = Output.open(out, streams.out());
                    Progress progress = Progress.start("export", expected, streams, shown)) {
                var batches = read.batches().doOnNext((RecordBatch b) -> progress.add(b.rowCount()));
                boolean completed = Pipeline.drain(chosen.encode(read.schema(), batches).doOnNext(output::write), work);
                if (!completed) {
                    return ExitCodes.INTERRUPTED;
                }
                output.commit();
                progress.finish();
                if (!common.quiet) {
                    streams.err().println(String.format(Locale.ROOT, "exported %,d rows of %s to %s in %.1f s (%,.0f rows/s)",
                            progress.rows(), source.describe(), output.name(), progress.seconds(),
                            progress.rows() / Math.max(progress.seconds(), 1e-9)));
                }
                return ExitCodes.OK;
            }
        }
    }

    static OutputFormat parseFormat(String text) {
        try {
            return OutputFormat.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be arrow, arrows, csv or ndjson, not '" + text + "'", e);
        }
    }
}
