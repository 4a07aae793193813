package io.redisarrow.cli;

import io.redisarrow.arrow.ArrowIpc;
import io.redisarrow.arrow.HashWrite;
import io.redisarrow.arrow.JsonWrite;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.WriteErrorPolicy;
import io.redisarrow.arrow.WriteMode;
import io.redisarrow.arrow.WriteResult;
import org.apache.arrow.vector.types.pojo.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/** {@code import}: an Arrow IPC stream or a CSV file into hashes or JSON documents. */
@Command(name = "import", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Import an Arrow IPC stream or a CSV file as hashes or JSON.",
        description = { "Write the rows of an Arrow IPC stream or a CSV file to Redis,",
            "one hash (or JSON document) per row." },
        footer = { "", "Examples:",
            "  redis-arrow import -i users.arrow",
            "  redis-arrow import -i users.csv -s 'age:int32' --key-template 'user:{id}'",
            "  redis-arrow import -i users.arrow --as json --mode replace --ttl 1h" })
final class ImportCommand implements Callable<Integer> {

    /** How long an interrupted run waits for the batches in flight to be closed. */

    private final Streams streams;

    private final InputStream stdin;

    @Option(names = { "-i", "--in" }, paramLabel = "FILE", required = true,
            description = "Input file, or - for stdin.")
    String in;

    @Option(names = { "-f", "--format" }, paramLabel = "FORMAT",
            description = "arrow (IPC stream) or csv (default: csv for .csv, else arrow).")
    String format;

    @Option(names = { "-s", "--schema" }, paramLabel = "SCHEMA",
            description = "CSV only: types of the columns it names, e.g. age:int32;"
                    + " other columns are utf8.")
    String schema;

    @Option(names = "--as", paramLabel = "KIND", defaultValue = "hash",
            description = "hash or json (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--key-column", paramLabel = "COLUMN",
            description = "Column holding each row's key, not written as a field (default: _key).")
    String keyColumn;

    @Option(names = "--key-template", paramLabel = "TEMPLATE",
            description = "Key built from columns, e.g. user:{id} (instead of --key-column).")
    String keyTemplate;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "merge",
            description = "merge, replace or skip_existing (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--ttl", paramLabel = "DURATION",
            description = "Expire every key after DURATION: 90s, 15m, 2h, 7d or ISO PT1H.")
    String ttl;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "5000",
            description = "CSV rows per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Mixin
    CommonOptions common;

    ImportCommand(Streams streams, InputStream stdin) {
        this.streams = streams;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        boolean csv = format == null ? in.toLowerCase(Locale.ROOT).endsWith(".csv") : parseCsv(format);
        if (!csv && schema != null) {
            throw new IllegalArgumentException("--schema is for CSV input: an Arrow stream carries its own schema");
        }
        if (keyColumn != null && keyTemplate != null) {
            throw new IllegalArgumentException("give --key-column or --key-template, not both");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be >= 1, not " + batchSize);
        }
        Schema types = schema == null ? null : SchemaText.parse(schema);
        WriteMode writeMode = parseMode(mode);
        Duration expiry = ttl == null ? null : Durations.parse(ttl, "--ttl");
        boolean json = parseKind(kind);
        if (!in.equals("-") && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(in))) {
            throw new IllegalArgumentException("--in: no such file: " + in);
        }
        try (RedisArrow redis = RedisArrow.connect(common.url());
                Interruption.Work work = streams.interruption().begin();
                Progress progress = Progress.start("import", -1, streams, common.progressShown(streams))) {
            Flux<RecordBatch> batches = csv
                    ? CsvBatches.read(() -> new InputStreamReader(Channels.newInputStream(Inputs.open(in, stdin)),
                            StandardCharsets.UTF_8), in.equals("-") ? "stdin" : in, types, batchSize, redis.allocator())
                    : Inputs.isArrowFile(in) ? ArrowIpc.readFile(java.nio.file.Path.of(in), redis.allocator())
                    : ArrowIpc.read(Inputs.chunks(in, stdin), redis.allocator());
            Flux<RecordBatch> counted = batches.doOnNext(b -> progress.add(b.rowCount()));
            AtomicLong written = new AtomicLong();
            AtomicLong skipped = new AtomicLong();
            AtomicLong rows = new AtomicLong();
            Flux<WriteResult> results = json ? redis.writeJson(counted, jsonWrite(writeMode, expiry))
                    : redis.writeHashes(counted, hashWrite(writeMode, expiry));
            boolean completed = Pipeline.drain(results.doOnNext(r -> {
                rows.addAndGet(r.rows());
                written.addAndGet(r.written());
                skipped.addAndGet(r.skipped());
            }), work);
            if (!completed) {
                return ExitCodes.INTERRUPTED;
            }
            progress.finish();
            if (!common.quiet) {
                streams.err().println(String.format(Locale.ROOT,
                        "imported %,d rows from %s as %s: %,d written, %,d skipped, in %.1f s (%,.0f rows/s)",
                        rows.get(), in.equals("-") ? "stdin" : in, json ? "JSON documents" : "hashes", written.get(),
                        skipped.get(), progress.seconds(), rows.get() / Math.max(progress.seconds(), 1e-9)));
            }
            return ExitCodes.OK;
        }
    }

    private HashWrite hashWrite(WriteMode writeMode, Duration expiry) {
        HashWrite.Builder b = HashWrite.builder().mode(writeMode).onWriteError(WriteErrorPolicy.FAIL);
        if (keyTemplate != null) {
            b.keyTemplate(keyTemplate);
        } else if (keyColumn != null) {
            b.keyColumn(keyColumn);
        }
        if (expiry != null) {
            b.ttl(expiry);
        }
        return b.build();
    }

    private JsonWrite jsonWrite(WriteMode writeMode, Duration expiry) {
        JsonWrite.Builder b = JsonWrite.builder().mode(writeMode).onWriteError(WriteErrorPolicy.FAIL);
        if (keyTemplate != null) {
            b.keyTemplate(keyTemplate);
        } else if (keyColumn != null) {
            b.keyColumn(keyColumn);
        }
        if (expiry != null) {
            b.ttl(expiry);
        }
        return b.build();
    }

    private static boolean parseCsv(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "arrow" -> false;
            default -> throw new IllegalArgumentException("--format must be arrow or csv, not '" + text + "'");
        };
    }

    private static boolean parseKind(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "hash" -> false;
            default -> throw new IllegalArgumentException("--as must be hash or json, not '" + text + "'");
        };
    }

    private static WriteMode parseMode(String text) {
        try {
            return WriteMode.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mode must be merge, replace or skip_existing, not '" + text + "'", e);
        }
    }
}
