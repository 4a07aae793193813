package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

/**
 * The types scenario's loader and baselines against a real server: every data set loads one key per
 * key it names, and each reader reads every element once per pass, its sum equal to the sum of the
 * values the loader wrote. The big keys are read in windows of {@value #WINDOW}, so that they take
 * many windows, SSCAN pages and pipeline syncs.
 */
@ExtendWith(RedisServerExtension.class)
class TypeReadersIntegrationTests {

    private static final int WINDOW = 10;

    private WritesDatabase db;

    @BeforeEach
    void connect(RedisTestServer server) {
        db = new WritesDatabase(server.url(), TypesScenario.OFFSET);
        db.clear(TypeData.PREFIX + "*");
    }

    @AfterEach
    void clear() {
        db.clear(TypeData.PREFIX + "*");
        db.close();
    }

    static Stream<TypeData> dataSets() {
        return Stream.concat(TypeData.all(95).stream().filter(d -> d.shape() == TypeData.Shape.SMALL_KEYS),
                TypeData.all(12_345).stream().filter(d -> d.shape() == TypeData.Shape.BIG_KEY));
    }


    /** @return the sum a reader must reach: what {@link TypeReader#checksum()} says, from the commands written */
    static double expectedSum(TypeData data) {
        double sum = 0;
        for (List<String> command : TypeDataUnitTests.commands(data)) {
            switch (data.kind()) {
                case STRINGS -> sum += Double.parseDouble(command.get(2));
                case SETS, LISTS -> sum += command.subList(2, command.size()).stream().mapToInt(String::length).sum();
                case SORTED_SETS -> {
                    for (int i = 2; i < command.size(); i += 2) {
                        sum += Double.parseDouble(command.get(i)) + command.get(i + 1).length();
                    }
                }
                case STREAMS -> {
                    String[] id = command.get(2).split("-");
                    sum += Long.parseLong(id[0]) + Long.parseLong(id[1]) + Long.parseLong(command.get(4))
                            + Double.parseDouble(command.get(6)) + command.get(8).length();
                }
            }
        }
        return sum;
    }

    private void load(TypeData data) {
        TypesScenario.load(db, data);
        assertThat(db.dbsize()).as("keys loaded").isEqualTo(data.keys());
    }

    @ParameterizedTest
    @MethodSource("dataSets")
    void jedisReadsEveryElementOncePerPass(TypeData data) {
        load(data);
        double expected = expectedSum(data);

        try (JedisTypeReader reader = new JedisTypeReader(db.url(), data, 7, WINDOW)) {
            for (int pass = 0; pass < 2; pass++) {
                assertThat(reader.pass()).as("pass %d", pass).isEqualTo(data.elements());
                assertThat(reader.checksum()).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dataSets")
    void redisArrowReadsEveryElementOncePerPassAndItsBigKeysInWindows(TypeData data) {
        load(data);
        double expected = expectedSum(data);

        try (ArrowTypeReader reader = new ArrowTypeReader(db.url(), data)) {
            assertThat(data.shape() == TypeData.Shape.SMALL_KEYS || data.elements() > 2 * reader.batchSize())
                    .as("the big key takes several windows").isTrue();
            for (int pass = 0; pass < 2; pass++) {
                assertThat(reader.pass()).as("pass %d", pass).isEqualTo(data.elements());
                assertThat(reader.checksum()).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dataSets")
    void naiveLettuceReadsEveryElementOncePerPass(TypeData data) {
        load(data);
        double expected = expectedSum(data);

        try (LettuceTypeReader reader = new LettuceTypeReader(db.url(), data)) {
            for (int pass = 0; pass < 2; pass++) {
                assertThat(reader.pass()).as("pass %d", pass).isEqualTo(data.elements());
                assertThat(reader.checksum()).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dataSets")
    void noOtherDataSetsPatternMatchesItsKeys(TypeData data) {
        load(data);

        assertThat(db.redis().keys(data.pattern())).hasSize(data.keys());
        for (TypeData other : TypeData.all(data.elements())) {
            if (!other.equals(data)) {
                assertThat(db.redis().keys(other.pattern())).as(other.label()).isEmpty();
            }
        }
    }
}
