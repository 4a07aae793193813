package io.redisarrow.cli;

import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.core.ScanCheckpoint;
import org.apache.arrow.vector.types.pojo.Schema;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code export}: hashes, JSON documents or a search result into an Arrow IPC, CSV or NDJSON file. */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Export hashes, JSON or a search result to Arrow, CSV or NDJSON.",
        description = { "Write hashes, JSON documents or a search result to a file.",
            "The file is written under a temporary name and renamed when complete:",
            "interrupted (Ctrl-C), it is left absent, never half-written.",
            "With --checkpoint it is written in place instead, and an export",
            "that stopped goes on with --resume (NDJSON and CSV: an Arrow IPC",
            "file cannot be appended to, so it is refused)." },
        footer = { "", "Examples:",
            "  redis-arrow export -p 'user:*' -o users.arrow",
            "  redis-arrow export -p 'user:*' -s 'name:utf8,age:int32' -o users.csv",
            "  redis-arrow export -i idx:users --query '@age:[30 40]' -o - -f ndjson",
            "  redis-arrow export -p 'user:*' -o users.ndjson --checkpoint users.cp",
            "  redis-arrow export -p 'user:*' -o users.ndjson --resume users.cp" })
final class ExportCommand implements Callable<Integer> {

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

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N rows (default: all); resumed, N counts the rows before too.")
    long limit;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "5000",
            description = "Rows per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "After each batch is written, save where the scan stands to FILE, and write --out in"
                    + " place, so that an export that stopped (Ctrl-C, a crash, an error, --limit) can go on with"
                    + " --resume. -p or -j to an NDJSON or CSV file only. Removed once the scan has ended.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Go on from a --checkpoint FILE: append the rest to the same --out (cut back to the"
                    + " last batch saved) with the same source and schema, saving to FILE again. Keys near the"
                    + " checkpoint may come twice (at most one SCAN page per node).")
    Path resume;

    @Mixin
    CommonOptions common;

    ExportCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        OutputFormat chosen = format == null ? OutputFormat.ofFile(out) : parseFormat(format);
        Schema given = schema == null ? null : SchemaText.parse(schema);
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0, not " + limit);
        }
        Path checkpointFile = checkpoint != null ? checkpoint : resume;
        ExportCheckpoint resumed = null;
        if (checkpointFile != null) {
            Resumption.check(source, chosen, out, checkpointFile);
            if (resume != null) {
                resumed = ExportCheckpoint.read(resume);
                given = Resumption.schema(resumed, resume, source, chosen, out, given);
            }
        }
        ScanCheckpoint from = resumed == null ? null : resumed.scan();
        String url = common.url();
        try (RedisArrow redis = RedisArrow.connect(url);
                Interruption.Work work = streams.interruption().begin()) {
            Reads.Read read = Reads.plan(redis, source, query, given, sample, batchSize, limit, from);
            boolean shown = common.progressShown(streams);
            try (Output output = checkpointFile == null ? Output.open(out, streams.out())
                    : Output.inPlace(out, resumed == null ? -1 : resumed.bytes());
                    Progress progress = Reads.progress(redis, source, limit, from, streams, shown)) {
                CheckpointedOutput saving = checkpointFile == null ? null
                        : new CheckpointedOutput(output, checkpointFile, resumed != null ? resumed
                                : new ExportCheckpoint(Path.of(output.name()), chosen, source.json != null,
                                        source.json != null ? source.json : source.pattern, read.fields(), 0, null),
                                limit);
                var batches = read.batches().doOnNext((RecordBatch b) -> {
                    progress.add(b.rowCount(), b.checkpoint());
                    if (saving != null) {
                        saving.tag(b);
                    }
                });
                boolean completed;
                try {
                    completed = Pipeline.drain(chosen.encode(read.schema(), batches)
                            .doOnNext(saving == null ? output::write : saving::write), work);
                } catch (RuntimeException e) {
                    stopped(saving, checkpointFile, output);
                    throw e;
                }
                if (!completed) {
                    stopped(saving, checkpointFile, output);
                    return ExitCodes.INTERRUPTED;
                }
                output.commit();
                progress.finish();
                long before = from == null ? 0 : from.rows();
                boolean atLimit = limit > 0 && before + progress.rows() >= limit;
                if (saving != null && !atLimit) {
                    Resumption.remove(checkpointFile);
                }
                if (!common.quiet) {
                    streams.err().println(String.format(Locale.ROOT, "exported %,d rows of %s to %s in %.1f s (%,.0f rows/s)%s",
                            progress.rows(), source.describe(), output.name(), progress.seconds(),
                            progress.rows() / Math.max(progress.seconds(), 1e-9),
                            from == null ? "" : String.format(Locale.ROOT, ", %,d in all with the runs before", before + progress.rows())));
                    if (saving != null && atLimit) {
                        streams.err().println("stopped at --limit: " + checkpointFile + " holds where; --resume "
                                + checkpointFile + " with a higher --limit goes on");
                    }
                }
                return ExitCodes.OK;
            }
        }
    }

    /** Says where a resumable export stopped, once its last batch is written. */
    private void stopped(CheckpointedOutput saving, Path checkpointFile, Output output) {
        if (saving == null) {
            return;
        }
        saving.close();
        if (!common.quiet) {
            streams.err().println(String.format(Locale.ROOT, "%,d rows are saved in %s; %s holds where the export stopped:"
                    + " run it again with --resume %s", saving.savedRows(), output.name(), checkpointFile, checkpointFile));
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
