package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

class TypesScenarioUnitTests {

    private static TypeReader summing(String name, double sum) {
        return new TypeReader() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long pass() {
                return 0;
            }

            @Override
            public double checksum() {
                return sum;
            }
        };
    }

    private static final TypeData SETS = new TypeData(TypeData.Kind.SETS, TypeData.Shape.SMALL_KEYS, 100);

    @Test
    void readersThatSummedTheSameValuesPassEvenInAnotherOrder() {
        assertThatCode(() -> TypesScenario.checkSums(SETS, List.of(summing("a", 1e12), summing("b", 1e12 + 1),
                summing("c", 1e12 - 1)))).doesNotThrowAnyException();
    }

    @Test
    void aReaderThatMissedAValueIsNamedWithBothSums() {
        assertThatThrownBy(() -> TypesScenario.checkSums(SETS, List.of(summing("Jedis", 1000), summing("Lettuce",
                1000), summing("redis-arrow", 988)))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("sets, 10 keys x 10: Jedis summed 1000.0000000000000, redis-arrow summed"
                        + " 988.00000000000000");
    }

    @Test
    void theWritesAndTypesDatabasesDoNotMeet() {
        assertThat(WritesDatabase.url("redis://h:1/0", TypesScenario.OFFSET)).isEqualTo("redis://h:1/3");
        assertThat(TypesScenario.OFFSET).isNotEqualTo(WritesDatabase.OFFSET).isGreaterThan(1);
    }

    @Test
    void theNoteNamesTheDatabaseAndTheBaselinesCommands() {
        String note = TypesScenario.note(1_000_000, 3);

        assertThat(note).startsWith("3 measured passes per reader").contains("database db + 3", "every pass is checked"
                + " to read exactly 1,000,000", "SCAN MATCH COUNT 20,000 TYPE", "SSCAN COUNT 5,000",
                "ScanArgs.Builder.matches(pattern)", "Reactor's default concurrency, 256");
    }
}
