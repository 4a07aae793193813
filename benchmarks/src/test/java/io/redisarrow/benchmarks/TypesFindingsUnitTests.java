package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class TypesFindingsUnitTests {

    /** One row: rates and Redis' cost and CPU; ratios computed as the scenario computes them. */
    private static void row(Table table, TypeData.Kind kind, TypeData.Shape shape, double arrow, double jedis,
            double lettuce, double smallArrow, double arrowUs, double jedisUs, double arrowCpu, double jedisCpu) {
        table.row(kind.label, shape.label, "-", arrow, jedis, lettuce, arrow / jedis, arrow / lettuce,
                shape == TypeData.Shape.BIG_KEY ? arrow / smallArrow : Double.NaN, arrowUs, jedisUs, arrowCpu,
                jedisCpu, 20.0);
    }

    /** Sets meeting every target; lists missing the Jedis target on small keys and the big-key target. */
    private static Table table() {
        Table table = TypesScenario.table(1_000_000);
        row(table, TypeData.Kind.SETS, TypeData.Shape.SMALL_KEYS, 1_500_000, 1_000_000, 200_000, 0, 0.5, 0.4, 60, 50);
        row(table, TypeData.Kind.SETS, TypeData.Shape.BIG_KEY, 1_400_000, 1_000_000, 250_000, 1_500_000, 0.3, 0.3, 40,
                40);
        row(table, TypeData.Kind.LISTS, TypeData.Shape.SMALL_KEYS, 1_200_000, 1_000_000, 200_000, 0, 0.6, 0.3, 95, 70);
        row(table, TypeData.Kind.LISTS, TypeData.Shape.BIG_KEY, 600_000, 400_000, 100_000, 1_200_000, 0.1, 0.1, 30, 90);
        return table;
    }

    private static List<List<String>> targetRows(String summary) {
        return summary.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| target"))
                .map(line -> List.of(line.substring(2, line.length() - 2).split(" \\| "))).toList();
    }

    @Test
    void eachTypeHasItsThreeTargetsWithBothShapesFigures() {
        List<List<String>> rows = targetRows(new TypesFindings(table()).summary());

        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).containsExactly("sets: redis-arrow at 1.3 x the Jedis pipeline",
                "small keys 1.50 x, one big key 1.40 x", "yes");
        assertThat(rows.get(1)).containsExactly("sets: redis-arrow at 5 x naive Lettuce",
                "small keys 7.50 x, one big key 5.60 x", "yes");
        assertThat(rows.get(2)).containsExactly("sets: one big key at 0.8 of the small-key rate",
                "0.93 (1,400,000 against 1,500,000 elements/s)", "yes");
    }

    @Test
    void aMissedTargetNamesTheShapeThatMissedIt() {
        List<List<String>> rows = targetRows(new TypesFindings(table()).summary());

        assertThat(rows.get(3)).containsExactly("lists: redis-arrow at 1.3 x the Jedis pipeline",
                "small keys 1.20 x, one big key 1.50 x", "**no** (small keys)");
        assertThat(rows.get(4)).containsExactly("lists: redis-arrow at 5 x naive Lettuce",
                "small keys 6.00 x, one big key 6.00 x", "yes");
        assertThat(rows.get(5)).containsExactly("lists: one big key at 0.8 of the small-key rate",
                "0.50 (600,000 against 1,200,000 elements/s)", "**no**");
    }

    @Test
    void stringsHaveNoBigKeyTarget() {
        Table table = TypesScenario.table(100);
        table.row("strings", "small keys", "100 x 1", 14_000.0, 10_000.0, 1_000.0, 1.4, 14.0, Double.NaN, 1.0, 1.0,
                10.0, 10.0, 10.0);
        TypesFindings findings = new TypesFindings(table);

        assertThat(targetRows(findings.summary())).containsExactly(
                List.of("strings: redis-arrow at 1.3 x the Jedis pipeline", "small keys 1.40 x", "yes"),
                List.of("strings: redis-arrow at 5 x naive Lettuce", "small keys 14.00 x", "yes"));
        assertThat(findings.advice()).contains("- **Strings.** redis-arrow read 14,000 elements/s over small keys,"
                + " 1.40 x the Jedis pipeline and 14.00 x naive Lettuce.\n");
    }

    @Test
    void aTypeMeetingEveryTargetGetsNoReasons() {
        String advice = new TypesFindings(table()).advice();
        String sets = advice.lines().filter(line -> line.startsWith("- **Sets.**")).findFirst().orElseThrow();

        assertThat(sets).isEqualTo("- **Sets.** redis-arrow read 1,500,000 elements/s over small keys, 1.50 x the"
                + " Jedis pipeline and 7.50 x naive Lettuce; 1,400,000 from one big key, 0.93 of the small-key rate,"
                + " 1.40 x the pipeline and 5.60 x Lettuce.");
    }

    @Test
    void aServerBoundMissSaysSoWithTheCommandsCost() {
        String lists = new TypesFindings(table()).type(TypeData.Kind.LISTS, 2, 3);

        assertThat(lists).contains("On small keys it stayed under 1.3 x the pipeline (1.20 x): Redis was busy 95 % of"
                + " the time redis-arrow read, so the server was the limit. Its commands cost Redis 0.600 µs per"
                + " element against the pipeline's 0.300 (per small key redis-arrow sends two commands, LLEN for its"
                + " size in a round trip of its own, then the elements).");
    }

    @Test
    void aBigKeyMissOffTheServersLimitNamesTheSequentialWindows() {
        String lists = new TypesFindings(table()).type(TypeData.Kind.LISTS, 2, 3);

        assertThat(lists).contains("The big key read at 0.50 of the small-key rate: Redis spent 0.100 µs per element"
                + " on it against 0.600 on small keys, and was busy 30 % of the time (small keys: 95 %). The server"
                + " was not the limit: one key is one key batch, whose windows of 5,000 elements go one round trip"
                + " after another");
    }

    @Test
    void aMissAgainstAServerBoundPipelineSaysThePipelineSaturatedRedis() {
        Table table = TypesScenario.table(1_000);
        row(table, TypeData.Kind.STREAMS, TypeData.Shape.SMALL_KEYS, 110, 100, 10, 0, 1.0, 1.0, 60, 96);
        row(table, TypeData.Kind.STRINGS, TypeData.Shape.SMALL_KEYS, 110, 100, 10, 0, 2.0, 1.0, 40, 50);
        row(table, TypeData.Kind.SETS, TypeData.Shape.BIG_KEY, 110, 100, 10, 100, 2.0, 1.0, 40, 50);
        TypesFindings findings = new TypesFindings(table);

        assertThat(findings.whyJedis(TypeData.Kind.STREAMS, 0, "small keys")).isEqualTo("On small keys it stayed"
                + " under 1.3 x the pipeline (1.10 x): the pipeline already kept Redis busy 96 % of the time"
                + " (redis-arrow 60 %): a reader 1.3 x faster would need a server with that much more to give.");
        assertThat(findings.whyJedis(TypeData.Kind.STRINGS, 1, "small keys")).isEqualTo("On small keys it stayed"
                + " under 1.3 x the pipeline (1.10 x): Redis was busy 40 % of the time under redis-arrow and 50 % under"
                + " the pipeline, so the server was not the limit; the client side (decoding, round trips) was. Its"
                + " commands cost Redis 2.000 µs per element against the pipeline's 1.000.");
        assertThat(findings.whyJedis(TypeData.Kind.SETS, 2, "one big key")).as("one key: one size command")
                .endsWith("against the pipeline's 1.000.");
    }

    @Test
    void aLettuceMissOnTheBigKeyComparesOneReplyWithWindows() {
        Table table = TypesScenario.table(1_000);
        row(table, TypeData.Kind.SETS, TypeData.Shape.SMALL_KEYS, 1000, 500, 100, 0, 1.0, 1.0, 50, 50);
        row(table, TypeData.Kind.SETS, TypeData.Shape.BIG_KEY, 900, 500, 300, 1000, 1.0, 1.0, 50, 50);
        TypesFindings findings = new TypesFindings(table);

        assertThat(findings.whyLettuce(1, "one big key")).isEqualTo("On one big key it stayed under 5 x naive Lettuce"
                + " (3.00 x; Lettuce 300 elements/s, Redis busy 20 % of its time): Lettuce reads the big key with"
                + " one command and one reply of every element, redis-arrow in windows of 5,000 elements, one round"
                + " trip after another (Redis busy 50 %).");
        assertThat(findings.advice()).contains("On one big key it stayed under 5 x naive Lettuce")
                .doesNotContain("On small keys it stayed under 5 x");
    }
}
