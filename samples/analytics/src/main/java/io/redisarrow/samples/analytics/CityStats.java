package io.redisarrow.samples.analytics;

import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Users and ages per city, in plain Java: the check of the SQL. Immutable; {@link #of(RecordBatch)}
 * reads one batch's {@code city} and {@code age} columns, {@link #merge(CityStats)} adds two
 * aggregates. Nulls follow SQL: a user without a city counts in the {@code null} city, a user
 * without an age counts in {@code count(*)} but not in {@code avg(age)}.
 */
final class CityStats {

    /** No users. */
    static final CityStats EMPTY = new CityStats(Map.of());

    /** Orders as {@code ORDER BY avg_age DESC, city} with SQL's NULLS LAST. */
    static final Comparator<CityRow> TOP = Comparator
            .comparing(CityRow::avgAge, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
            .thenComparing(CityRow::city, Comparator.nullsLast(Comparator.<String>naturalOrder()));

    private final Map<String, Group> groups;

    private CityStats(Map<String, Group> groups) {
        this.groups = groups;
    }

    /**
     * @param batch a batch with a Utf8 {@code city} and an integer {@code age} column; not closed
     * @return its users per city
     */
    static CityStats of(RecordBatch batch) {
        VectorSchemaRoot root = batch.root();
        VarCharVector cities = (VarCharVector) root.getVector("city");
        BaseIntVector ages = (BaseIntVector) root.getVector("age");
        if (cities == null || ages == null) {
            throw new IllegalArgumentException("batch must have a city and an age column, has " + batch.schema());
        }
        Map<String, Group> groups = new HashMap<>();
        for (int row = 0; row < root.getRowCount(); row++) {
            String city = cities.isNull(row) ? null : new String(cities.get(row), StandardCharsets.UTF_8);
            boolean aged = !ages.isNull(row);
            Group user = new Group(1, aged ? 1 : 0, aged ? ages.getValueAsLong(row) : 0);
            groups.merge(city, user, Group::plus);
        }
        return new CityStats(groups);
    }

    /**
     * @param other another aggregate
     * @return the aggregate of both
     */
    CityStats merge(CityStats other) {
        Map<String, Group> sum = new HashMap<>(groups);
        other.groups.forEach((city, group) -> sum.merge(city, group, Group::plus));
        return new CityStats(sum);
    }

    /** @return the users counted */
    long users() {
        return groups.values().stream().mapToLong(Group::rows).sum();
    }

    /** @return every city's row, in no particular order */
    List<CityRow> rows() {
        return groups.entrySet().stream()
                .map(e -> new CityRow(e.getKey(), e.getValue().average(), e.getValue().rows()))
                .toList();
    }

    /**
     * @param limit the most rows
     * @return the cities by average age, highest first, as the SQL orders them
     */
    List<CityRow> top(int limit) {
        return rows().stream().sorted(TOP).limit(limit).toList();
    }

    /** @return the groups, for tests */
    Map<String, Group> groups() {
        return Collections.unmodifiableMap(groups);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CityStats other && groups.equals(other.groups);
    }

    @Override
    public int hashCode() {
        return groups.hashCode();
    }

    @Override
    public String toString() {
        return "CityStats" + groups;
    }

    /**
     * One city's users.
     *
     * @param rows users ({@code count(*)})
     * @param agedRows users with an age
     * @param ageSum their ages' sum
     */
    record Group(long rows, long agedRows, long ageSum) {

        Group plus(Group other) {
            return new Group(rows + other.rows, agedRows + other.agedRows, ageSum + other.ageSum);
        }

        /** @return the average age, or null when no user has one (as SQL's avg) */
        Double average() {
            return agedRows == 0 ? null : (double) ageSum / agedRows;
        }
    }
}
