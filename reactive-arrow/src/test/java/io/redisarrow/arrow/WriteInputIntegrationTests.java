package io.redisarrow.arrow;

import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Input a write cannot take fails with a clear error before anything of its batch is written, and
 * the batches are closed all the same.
 */
class WriteInputIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(Field.nullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("name", ArrowType.Utf8.INSTANCE), Field.nullable("n", new ArrowType.Int(32, true))));

    final List<RecordBatch> made = new ArrayList<>();

    RecordBatch batch(Schema schema, Object[]... rows) {
        RecordBatch batch = TestBatches.of(allocator, schema, rows);
        made.add(batch);
        return batch;
    }

    /** Writes the batches and returns the error, checking that every batch was closed. */
    Throwable failure(HashWrite write, RecordBatch... batches) {
        Throwable[] error = new Throwable[1];
        StepVerifier.create(redis.writeHashes(Flux.just(batches), write).then())
                .expectErrorSatisfies(e -> error[0] = e).verify(Duration.ofSeconds(10));
        assertThat(made).allMatch(RecordBatch::isClosed);
        return error[0];
    }

    long keysWritten() {
        return commands().keys(prefix + "*").size();
    }

    @Test
    void missingKeyColumnNamesTheColumnsThereAre() {
        Schema schema = new Schema(List.of(Field.nullable("id", ArrowType.Utf8.INSTANCE),
                Field.nullable("name", ArrowType.Utf8.INSTANCE)));
        assertThat(failure(HashWrite.builder().build(), batch(schema, new Object[] { prefix + "a", "x" })))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no key column '_key'").hasMessageContaining("[id, name]");
        assertThat(keysWritten()).isZero();
    }

    @Test
    void keyColumnMustBeAString() {
        Schema schema = new Schema(List.of(Field.nullable("id", new ArrowType.Int(64, true)),
                Field.nullable("name", ArrowType.Utf8.INSTANCE)));
        assertThat(failure(HashWrite.builder().keyColumn("id").build(), batch(schema, new Object[] { 1L, "x" })))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key column 'id'").hasMessageContaining("Utf8 or Binary")
                .hasMessageContaining("keyTemplate(\"{id}\")");
    }

    @Test
    void templateNamingAMissingColumn() {
        assertThat(failure(HashWrite.builder().keyTemplate("user:{id}").build(),
                batch(SCHEMA, new Object[] { prefix + "a", "x", 1 })))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'user:{id}' names column 'id'");
    }

    @Test
    void malformedTemplatesAreRefusedByTheBuilder() {
        assertThatThrownBy(() -> HashWrite.builder().keyTemplate("user:{id")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> HashWrite.builder().keyTemplate("user:}")).hasMessageContaining("closes nothing");
        assertThatThrownBy(() -> HashWrite.builder().keyTemplate("user:{}")).hasMessageContaining("column name");
        assertThatThrownBy(() -> HashWrite.builder().keyTemplate("user:{{x}}")).hasMessageContaining("names no column");
    }

    @Test
    void aNullOrEmptyKeyFailsItsWholeBatchButNotTheOnesBefore() {
        Throwable error = failure(HashWrite.builder().parallel(1).build(),
                batch(SCHEMA, new Object[] { prefix + "first", "x", 1 }),
                batch(SCHEMA, new Object[] { prefix + "a", "x", 1 }, new Object[] { null, "y", 2 }));
        assertThat(error).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 has a null key in column '_key'");
        assertThat(commands().exists(bytes(prefix + "first"))).isOne();
        assertThat(commands().exists(bytes(prefix + "a"))).as("nothing of the failing batch").isZero();
        assertThat(failure(HashWrite.builder().build(), batch(SCHEMA, new Object[] { "", "x", 1 })))
                .hasMessageContaining("row 0 has an empty key");
        assertThat(failure(HashWrite.builder().keyTemplate("{name}").build(), batch(SCHEMA, new Object[] { "k", null, 1 })))
                .hasMessageContaining("row 0 has a null in column 'name' of key template '{name}'");
    }

    @Test
    void aColumnWithNoTextFormIsNamed() {
        Schema schema = new Schema(List.of(Field.nullable("_key", ArrowType.Utf8.INSTANCE),
                Field.nullable("d", new ArrowType.Duration(TimeUnit.SECOND))));
        assertThat(failure(HashWrite.builder().build(), batch(schema, new Object[] { prefix + "a", null })))
                .isInstanceOf(UnsupportedArrowTypeException.class).hasMessageContaining("'d'");
    }

    @Test
    void ttlColumnMustHoldPositiveSecondsOrNoExpiry() {
        Schema schema = new Schema(List.of(Field.nullable("_key", ArrowType.Utf8.INSTANCE),
                Field.nullable("name", ArrowType.Utf8.INSTANCE), Field.nullable("ttl", new ArrowType.Int(64, true))));
        assertThat(failure(HashWrite.builder().ttlColumn("ttl").build(),
                batch(schema, new Object[] { prefix + "a", "x", 0L })))
                .hasMessageContaining("row 0 has TTL 0 in column 'ttl'");
        assertThat(failure(HashWrite.builder().ttlColumn("name").build(),
                batch(schema, new Object[] { prefix + "a", "x", 5L })))
                .hasMessageContaining("TTL column 'name'").hasMessageContaining("integer");
        assertThat(failure(HashWrite.builder().ttlColumn("nope").build(),
                batch(schema, new Object[] { prefix + "a", "x", 5L })))
                .hasMessageContaining("no TTL column 'nope'");
        assertThat(keysWritten()).isZero();
    }

    @Test
    void twoColumnsUnderOneNameAndNothingToWrite() {
        assertThat(failure(HashWrite.builder().rename("n", "name").build(),
                batch(SCHEMA, new Object[] { prefix + "a", "x", 1 })))
                .hasMessageContaining("columns 'name' and 'n' would both be written as field 'name'");
        assertThat(failure(HashWrite.builder().exclude("name", "n").build(),
                batch(SCHEMA, new Object[] { prefix + "a", "x", 1 })))
                .hasMessageContaining("no column to write as a field");
    }

    @Test
    void builderArgumentsAreChecked() {
        assertThatThrownBy(() -> HashWrite.builder().ttl(Duration.ZERO)).hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> HashWrite.builder().parallel(0)).hasMessageContaining("parallel");
        assertThatThrownBy(() -> HashWrite.builder().keyColumn("")).hasMessageContaining("keyColumn must not be empty");
        assertThatThrownBy(() -> HashWrite.builder().rename("a", "b").rename("a", "c"))
                .hasMessageContaining("renamed twice");
    }
}
