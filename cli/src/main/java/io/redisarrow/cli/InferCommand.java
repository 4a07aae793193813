package io.redisarrow.cli;

import io.redisarrow.arrow.RedisArrow;
import org.apache.arrow.vector.types.pojo.Schema;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code infer}: prints the schema inferred from a sample, in the form {@code export --schema} takes. */
@Command(name = "infer", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Print the schema inferred from a sample.",
        description = { "Print the schema inferred from a sample of hashes or JSON documents",
            "(or an index's schema), in the form `export --schema` takes." },
        footer = { "", "Example:",
            "  redis-arrow infer -p 'user:*'",
            "  name:utf8!,age:int64!,score:float64,joined:date!",
            "", "A type ending in ! is not nullable: every sampled key had the field." })
final class InferCommand implements Callable<Integer> {

    private final Streams streams;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "What to sample (one of):%n")
    Source source;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "1000",
            description = "Keys to sample (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--lines", description = "One field per line, instead of one line.")
    boolean lines;

    @Mixin
    CommonOptions common;

    InferCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        try (RedisArrow redis = RedisArrow.connect(common.url())) {
            Schema schema = Reads.infer(redis, source, sample);
            String text = lines
                    ? String.join(",\n", schema.getFields().stream().map(SchemaText::field).toList())
                    : SchemaText.format(schema);
            streams.out().write((text + "\n").getBytes(StandardCharsets.UTF_8));
            streams.out().flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
