package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;

import java.util.ArrayList;
import java.util.List;

import static io.redisarrow.benchmarks.Texts.yes;
import static io.redisarrow.benchmarks.Texts.f;

/**
 * What the types table shows, in words built from its numbers: per type, the three targets
 * (redis-arrow at {@value #JEDIS_TARGET} x the Jedis pipeline and {@value #LETTUCE_TARGET} x naive
 * Lettuce on every shape, the big key at {@value #BIG_TARGET} of the small-key rate) against the
 * measurements, and a paragraph per type saying where a target was missed and what the server's
 * cost and CPU share say about why.
 */
final class TypesFindings {

    /** redis-arrow against the hand-written Jedis pipeline, on small keys and on the big key. */
    static final double JEDIS_TARGET = 1.3;

    /** redis-arrow against naive Lettuce reactive code, on small keys and on the big key. */
    static final double LETTUCE_TARGET = 5;

    /** redis-arrow's big-key rate against its small-key rate. */
    static final double BIG_TARGET = 0.8;

    /** Redis CPU, in % of the wall time, from which a reader counts as server-bound. */
    static final double SERVER_BOUND = 90;

    private final Table table;

    /** @param table the {@link TypesScenario} table */
    TypesFindings(Table table) {
        this.table = table;
    }

    /** @return a Markdown table: each target per type, what this run measured, and whether it was reached */
    String summary() {
        Table targets = new Table("types-targets", "Targets against this run")
                .text("target", "target").text("measured in this run", "measured").text("reached", "reached");
        for (TypeData.Kind kind : TypeData.Kind.values()) {
            int small = row(kind, TypeData.Shape.SMALL_KEYS);
            if (small < 0) {
                continue;
            }
            int big = row(kind, TypeData.Shape.BIG_KEY);
            ratio(targets, f("%s: redis-arrow at %.1f x the Jedis pipeline", kind.label, JEDIS_TARGET), "x_jedis",
                    JEDIS_TARGET, small, big);
            ratio(targets, f("%s: redis-arrow at %.0f x naive Lettuce", kind.label, LETTUCE_TARGET), "x_lettuce",
                    LETTUCE_TARGET, small, big);
            if (big >= 0) {
                double ratio = table.number(big, "big_over_small");
                targets.row(f("%s: one big key at %.1f of the small-key rate", kind.label, BIG_TARGET),
                        f("%.2f (%,.0f against %,.0f elements/s)", ratio, table.number(big, "arrow_per_s"),
                                table.number(small, "arrow_per_s")), yes(ratio >= BIG_TARGET));
            }
        }
        targets.note("Each line is computed from the table below; a target not reached stays with its measurement,"
                + " and \"What the numbers say\" gives what the run measured about why.");
        return targets.markdown(2);
    }

    private void ratio(Table targets, String target, String column, double goal, int small, int big) {
        double onSmall = table.number(small, column);
        double onBig = big < 0 ? Double.NaN : table.number(big, column);
        String measured = f("small keys %.2f x", onSmall) + (big < 0 ? "" : f(", one big key %.2f x", onBig));
        List<String> missed = new ArrayList<>();
        if (!(onSmall >= goal)) {
            missed.add(TypeData.Shape.SMALL_KEYS.label);
        }
        if (big >= 0 && !(onBig >= goal)) {
            missed.add(TypeData.Shape.BIG_KEY.label);
        }
        targets.row(target, measured, missed.isEmpty() ? "yes"
                : big < 0 ? "**no**" : "**no** (" + String.join(", ", missed) + ")");
    }

    /** @return Markdown paragraphs: one per type, each from this run's numbers */
    String advice() {
        StringBuilder out = new StringBuilder("## What the numbers say\n\n");
        out.append("Read ratios within this run: the machine is shared, so absolute rates move between runs while"
                + " readers measured beside each other stay comparable.\n\n");
        for (TypeData.Kind kind : TypeData.Kind.values()) {
            int small = row(kind, TypeData.Shape.SMALL_KEYS);
            if (small >= 0) {
                out.append("- ").append(type(kind, small, row(kind, TypeData.Shape.BIG_KEY))).append('\n');
            }
        }
        return out.toString();
    }

    /** @return the paragraph of one type: its rates, then why each missed target was missed */
    String type(TypeData.Kind kind, int small, int big) {
        String name = Character.toUpperCase(kind.label.charAt(0)) + kind.label.substring(1);
        StringBuilder out = new StringBuilder(f("**%s.** redis-arrow read %,.0f elements/s over small keys, %.2f x"
                + " the Jedis pipeline and %.2f x naive Lettuce", name, table.number(small, "arrow_per_s"),
                table.number(small, "x_jedis"), table.number(small, "x_lettuce")));
        if (big >= 0) {
            out.append(f("; %,.0f from one big key, %.2f of the small-key rate, %.2f x the pipeline and %.2f x"
                    + " Lettuce", table.number(big, "arrow_per_s"), table.number(big, "big_over_small"),
                    table.number(big, "x_jedis"), table.number(big, "x_lettuce")));
        }
        out.append('.');
        for (int row : big >= 0 ? new int[] { small, big } : new int[] { small }) {
            String shape = row == small ? TypeData.Shape.SMALL_KEYS.label : TypeData.Shape.BIG_KEY.label;
            if (table.number(row, "x_jedis") < JEDIS_TARGET) {
                out.append(' ').append(whyJedis(kind, row, shape));
            }
            if (table.number(row, "x_lettuce") < LETTUCE_TARGET) {
                out.append(' ').append(whyLettuce(row, shape));
            }
        }
        if (big >= 0 && table.number(big, "big_over_small") < BIG_TARGET) {
            out.append(' ').append(whyBig(small, big));
        }
        return out.toString();
    }

    /** @return why redis-arrow did not reach the Jedis target on a row, from Redis' cost and CPU */
    String whyJedis(TypeData.Kind kind, int row, String shape) {
        double arrowCpu = table.number(row, "arrow_redis_cpu");
        double jedisCpu = table.number(row, "jedis_redis_cpu");
        double arrowUs = table.number(row, "arrow_server_us");
        double jedisUs = table.number(row, "jedis_server_us");
        StringBuilder out = new StringBuilder(f("On %s it stayed under %.1f x the pipeline (%.2f x):", shape,
                JEDIS_TARGET, table.number(row, "x_jedis")));
        if (arrowCpu >= SERVER_BOUND) {
            out.append(f(" Redis was busy %.0f %% of the time redis-arrow read, so the server was the limit.",
                    arrowCpu));
        } else if (jedisCpu >= SERVER_BOUND) {
            out.append(f(" the pipeline already kept Redis busy %.0f %% of the time (redis-arrow %.0f %%): a"
                    + " reader %.1f x faster would need a server with that much more to give.", jedisCpu, arrowCpu,
                    JEDIS_TARGET));
        } else {
            out.append(f(" Redis was busy %.0f %% of the time under redis-arrow and %.0f %% under the pipeline, so"
                    + " the server was not the limit; the client side (decoding, round trips) was.", arrowCpu,
                    jedisCpu));
        }
        if (arrowUs > 1.1 * jedisUs) {
            out.append(f(" Its commands cost Redis %.3f µs per element against the pipeline's %.3f", arrowUs,
                    jedisUs));
            out.append(kind == TypeData.Kind.STRINGS || !shape.equals(TypeData.Shape.SMALL_KEYS.label) ? "."
                    : f(" (per small key redis-arrow sends two commands, %s for its size in a round trip of its own,"
                            + " then the elements).", sizeCommand(kind)));
        }
        return out.toString();
    }

    /** @return why redis-arrow did not reach the Lettuce target on a row */
    String whyLettuce(int row, String shape) {
        double arrowCpu = table.number(row, "arrow_redis_cpu");
        double lettuceCpu = table.number(row, "lettuce_redis_cpu");
        StringBuilder out = new StringBuilder(f("On %s it stayed under %.0f x naive Lettuce (%.2f x; Lettuce %,.0f"
                + " elements/s, Redis busy %.0f %% of its time):", shape, LETTUCE_TARGET,
                table.number(row, "x_lettuce"), table.number(row, "lettuce_per_s"), lettuceCpu));
        if (arrowCpu >= SERVER_BOUND) {
            out.append(f(" redis-arrow kept Redis busy %.0f %% of the time, so the server was the limit.", arrowCpu));
        } else if (shape.equals(TypeData.Shape.BIG_KEY.label)) {
            out.append(f(" Lettuce reads the big key with one command and one reply of every element, redis-arrow"
                    + " in windows of %,d elements, one round trip after another (Redis busy %.0f %%).",
                    HashScan.DEFAULT_BATCH_SIZE, arrowCpu));
        } else {
            out.append(f(" Redis was busy %.0f %% of the time under redis-arrow, so the client side was the limit.",
                    arrowCpu));
        }
        return out.toString();
    }

    /** @return why the big key's rate stayed under the target share of the small keys' */
    String whyBig(int small, int big) {
        double bigCpu = table.number(big, "arrow_redis_cpu");
        StringBuilder out = new StringBuilder(f("The big key read at %.2f of the small-key rate: Redis spent %.3f µs"
                + " per element on it against %.3f on small keys, and was busy %.0f %% of the time (small keys: %.0f"
                + " %%)", table.number(big, "big_over_small"), table.number(big, "arrow_server_us"),
                table.number(small, "arrow_server_us"), bigCpu, table.number(small, "arrow_redis_cpu")));
        if (bigCpu >= SERVER_BOUND) {
            out.append(", so the server was the limit.");
        } else {
            out.append(f(". The server was not the limit: one key is one key batch, whose windows of %,d elements"
                    + " go one round trip after another, so `parallel` does not overlap them.",
                    HashScan.DEFAULT_BATCH_SIZE));
        }
        return out.toString();
    }

    private static String sizeCommand(TypeData.Kind kind) {
        return switch (kind) {
            case SETS -> "SCARD";
            case LISTS -> "LLEN";
            case SORTED_SETS -> "ZCARD";
            case STREAMS -> "XLEN";
            case STRINGS -> throw new IllegalArgumentException("a string has no size command");
        };
    }

    private int row(TypeData.Kind kind, TypeData.Shape shape) {
        for (int i = 0; i < table.rows().size(); i++) {
            if (kind.label.equals(table.cell(i, "type")) && shape.label.equals(table.cell(i, "shape"))) {
                return i;
            }
        }
        return -1;
    }
}
