package io.redisarrow.cli;

import io.redisarrow.core.ScanCheckpoint;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportCheckpointUnitTests {

    @TempDir
    Path dir;

    private static ScanCheckpoint scan() {
        return new ScanCheckpoint("user:\n*", 1_500, List.of(new ScanCheckpoint.Node("", "127.0.0.1:6379", "abc", "",
                "1234", false, 1_502)), "");
    }

    @Test
    void readsBackWhatItSavesAwkwardPatternAndFieldNamesIncluded() {
        Schema schema = SchemaText.parse("name:utf8!,age:int32,tags:list<utf8>");
        ExportCheckpoint saved = new ExportCheckpoint(dir.resolve("out file.ndjson"), OutputFormat.NDJSON, false,
                "user:\n*", schema, 48_211, scan());
        Path file = dir.resolve("users.cp");

        saved.save(file);

        assertThat(ExportCheckpoint.read(file)).isEqualTo(saved);
        assertThat(dir.toFile().list()).as("no temporary file left").containsExactly("users.cp");
        assertThat(ExportCheckpoint.read(file).scan().keysDelivered()).isEqualTo(1_502);
    }

    @Test
    void aCheckpointBeforeTheFirstBatchHasNoScan() {
        Path file = dir.resolve("users.cp");
        ExportCheckpoint start = new ExportCheckpoint(dir.resolve("u.csv"), OutputFormat.CSV, true, "doc:*",
                SchemaText.parse("a:utf8"), 0, null);

        start.save(file);
        start.at(17, null).save(file);

        ExportCheckpoint read = ExportCheckpoint.read(file);
        assertThat(read.scan()).isNull();
        assertThat(read.bytes()).as("each save replaces the last").isEqualTo(17);
        assertThat(read.source()).isEqualTo("-j 'doc:*'");
    }

    @Test
    void whatIsNotACheckpointIsBadUsageNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "out=/tmp/x\nformat=ndjson\n");

        assertThatThrownBy(() -> ExportCheckpoint.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--resume " + file + " is not an export checkpoint").hasMessageContaining("no source");
        Files.writeString(file, "out=/x\nformat=ndjson\nsource=hashes\npattern=*\nschema={}\nbytes=1\nscan=garbage\n");
        assertThatThrownBy(() -> ExportCheckpoint.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an export checkpoint");
        assertThat(ExitCodes.of(catchThrowable(() -> ExportCheckpoint.read(dir.resolve("absent.cp")))))
                .as("a missing file").isEqualTo(ExitCodes.USAGE);
    }

    private static Throwable catchThrowable(Runnable run) {
        try {
            run.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
