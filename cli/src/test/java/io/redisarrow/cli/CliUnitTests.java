package io.redisarrow.cli;

import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliUnitTests {

    @ParameterizedTest
    @ValueSource(strings = { "", "export", "import", "infer", "demo", "bench" })
    void helpFitsEightyColumns(String command) {
        CliRun run = command.isEmpty() ? CliRun.run("--help") : CliRun.run(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outText().lines()).isNotEmpty().allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(CliRun.run("--help").outText()).contains("Exit codes:", "  1    bad usage", "  2    Redis",
                "  3    data error", "  130  interrupted");
    }

    @Test
    void exportHelpDocumentsCheckpointAndResume() {
        String help = CliRun.run("export", "--help").outText();

        assertThat(help).contains("--checkpoint=FILE", "--resume=FILE", "NDJSON or CSV file only", "SCAN page per node");
    }

    @Test
    void checkpointsAreRefusedForSearchesStdoutAndArrowBeforeConnecting() {
        CliRun search = CliRun.run("export", "-u", "redis://127.0.0.1:1", "-i", "idx", "-o", "x.ndjson",
                "--checkpoint", "x.cp");
        CliRun stdout = CliRun.run("export", "-u", "redis://127.0.0.1:1", "-p", "u:*", "-o", "-", "-f", "csv",
                "--checkpoint", "x.cp");
        CliRun arrows = CliRun.run("export", "-u", "redis://127.0.0.1:1", "-p", "u:*", "-o", "x.arrows",
                "--resume", "x.cp");
        CliRun itself = CliRun.run("export", "-u", "redis://127.0.0.1:1", "-p", "u:*", "-o", "x.csv",
                "--checkpoint", "./x.csv");

        assertThat(List.of(search, stdout, arrows, itself)).allSatisfy(run -> {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.errLines()).hasSize(1);
        });
        assertThat(search.err()).contains("need -p or -j: a search has no scan position");
        assertThat(stdout.err()).contains("need --out FILE");
        assertThat(arrows.err()).contains("need -f ndjson or csv, not arrows");
        assertThat(itself.err()).contains("a file of their own, not --out x.csv");
        assertThat(java.nio.file.Path.of("x.csv")).doesNotExist();
        assertThat(java.nio.file.Path.of("x.cp")).doesNotExist();
    }

    @Test
    void noCommandIsBadUsage() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Usage: redis-arrow");
    }

    @Test
    void unknownOptionIsBadUsageInOneLine() {
        CliRun run = CliRun.run("export", "--nope", "-p", "x", "-o", "-");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--nope", "redis-arrow export --help");
    }

    @Test
    void twoSourcesAreBadUsage() {
        CliRun run = CliRun.run("export", "-p", "x", "-j", "y", "-o", "-");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void schemaTextReadsBackWhatItWrites() {
        String text = "name:utf8,id:int64!,n:uint16,f:float32,d:float64,b:bool,day:date,ts:timestamp(us),"
                + "tz:timestamp(ms,UTC),amount:decimal(12,2),raw:binary,tags:list<utf8>,"
                + "address:struct<city:utf8,zip:int32!>,attrs:map<utf8,float64>";

        Schema schema = SchemaText.parse(text);

        assertThat(schema.getFields()).hasSize(14);
        assertThat(schema.findField("id").isNullable()).isFalse();
        assertThat(SchemaText.format(schema)).isEqualTo(text);
        assertThat(SchemaText.parse(SchemaText.format(schema))).isEqualTo(schema);
    }

    @Test
    void schemaTextTakesAliasesAndSpaces() {
        assertThat(SchemaText.format(SchemaText.parse(" name : string ,\n age : int , joined : date ")))
                .isEqualTo("name:utf8,age:int32,joined:date");
    }

    @Test
    void malformedSchemaTextSaysWhere() {
        assertThatThrownBy(() -> SchemaText.parse("name:utf8,age")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected ':'").hasMessageContaining("position 14");
        assertThatThrownBy(() -> SchemaText.parse("a:decimal(40,2)")).hasMessageContaining("precision <= 38");
        assertThatThrownBy(() -> SchemaText.parse("a:utf8,a:int32")).hasMessageContaining("names column 'a' twice");
        assertThatThrownBy(() -> SchemaText.parse(" ")).hasMessageContaining("--schema is empty");
    }

    @Test
    void onlyRegularFilesAreWrittenViaATemporaryFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("out.arrow");
        assertThat(Output.viaTemporaryFile(file)).as("not there yet").isTrue();
        java.nio.file.Files.writeString(file, "old");
        assertThat(Output.viaTemporaryFile(file)).as("a regular file").isTrue();
        assertThat(Output.viaTemporaryFile(java.nio.file.Path.of("/dev/null")))
                .as("renaming onto /dev/null would replace the device").isFalse();
        assertThat(Output.partOf(file)).isEqualTo(dir.resolve(".out.arrow.part"));
    }

    @Test
    void durationsTakeShortAndIsoForms() {
        assertThat(Durations.parse("90s", "--ttl")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("15m", "--ttl")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("7d", "--ttl")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT1H", "--ttl")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> Durations.parse("soon", "--ttl")).hasMessageContaining("--ttl")
                .hasMessageContaining("'soon'");
        assertThatThrownBy(() -> Durations.parse("0s", "--ttl")).hasMessageContaining("positive");
    }

    @Test
    void exitCodesClassifyErrors() {
        assertThat(ExitCodes.of(new IllegalArgumentException("x"))).isEqualTo(ExitCodes.USAGE);
        assertThat(ExitCodes.of(new io.lettuce.core.RedisConnectionException("x"))).isEqualTo(ExitCodes.REDIS);
        assertThat(ExitCodes.of(new DataException("x", null))).isEqualTo(ExitCodes.DATA);
        assertThat(ExitCodes.of(new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("f"))))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(ExitCodes.message(new IllegalStateException("outer", new RuntimeException("inner\ncause"))))
                .isEqualTo("outer: inner cause");
    }
}
