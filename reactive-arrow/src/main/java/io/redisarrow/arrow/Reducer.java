package io.redisarrow.arrow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code REDUCE} step of an {@link AggregateQuery}: a function over each group's rows, whose
 * result becomes the column named by {@link #as(String)}. Immutable.
 *
 * <pre>{@code
 * AggregateQuery.builder().index("idx").groupBy("city")
 *     .reduce(Reducer.count().as("n"), Reducer.avg("age").as("avg_age"), Reducer.toList("name").as("names"))
 * }</pre>
 *
 * <p>Precision: RediSearch computes SUM, AVG, MIN and MAX as doubles and sends them with 12
 * significant digits, so declare their columns Float64 (a Decimal column would present the
 * rounded text as exact, and is refused); COUNT and COUNT_DISTINCT are whole numbers (Int64).
 * TOLIST gives the group's distinct values, in no set order, into a List column. FIRST_VALUE gives
 * the value of the group's first row, optionally by another field's order.
 */
public final class Reducer {

    private final String function;

    private final List<String> arguments;

    private final String alias;

    private final boolean computed;

    private final boolean list;

    private Reducer(String function, List<String> arguments, String alias, boolean computed, boolean list) {
        this.function = function;
        this.arguments = List.copyOf(arguments);
        this.alias = alias;
        this.computed = computed;
        this.list = list;
    }

    private static Reducer of(String function, boolean computed, boolean list, String... fields) {
        List<String> arguments = new ArrayList<>();
        for (String field : fields) {
            arguments.add(property(field));
        }
        return new Reducer(function, arguments, null, computed, list);
    }

    /** @return {@code COUNT}: the rows of each group */
    public static Reducer count() {
        return of("COUNT", false, false);
    }

    /**
     * @param field a property
     * @return {@code COUNT_DISTINCT}: the distinct values of the field in each group (exact)
     */
    public static Reducer countDistinct(String field) {
        return of("COUNT_DISTINCT", false, false, field);
    }

    /**
     * @param field a numeric property
     * @return {@code SUM}, computed as a double (see the class's note on precision)
     */
    public static Reducer sum(String field) {
        return of("SUM", true, false, field);
    }

    /**
     * @param field a numeric property
     * @return {@code AVG}, computed as a double (see the class's note on precision)
     */
    public static Reducer avg(String field) {
        return of("AVG", true, false, field);
    }

    /**
     * @param field a numeric property
     * @return {@code MIN}, as a double (see the class's note on precision)
     */
    public static Reducer min(String field) {
        return of("MIN", true, false, field);
    }

    /**
     * @param field a numeric property
     * @return {@code MAX}, as a double (see the class's note on precision)
     */
    public static Reducer max(String field) {
        return of("MAX", true, false, field);
    }

    /**
     * @param field a property
     * @return {@code TOLIST}: the distinct values of the field in each group, for a List column
     */
    public static Reducer toList(String field) {
        return of("TOLIST", false, true, field);
    }

    /**
     * @param field a property
     * @return {@code FIRST_VALUE}: the field's value in the group's first row
     */
    public static Reducer firstValue(String field) {
        return of("FIRST_VALUE", false, false, field);
    }

    /**
     * @param field a property
     * @param by the property that orders the group's rows
     * @param order the order
     * @return {@code FIRST_VALUE field BY by ASC|DESC}
     */
    public static Reducer firstValue(String field, String by, SortOrder order) {
        Objects.requireNonNull(order, "order must not be null");
        Reducer first = of("FIRST_VALUE", false, false, field, by);
        List<String> arguments = new ArrayList<>(first.arguments);
        arguments.add(1, "BY");
        arguments.add(order.name());
        return new Reducer(first.function, arguments, null, false, false);
    }

    /**
     * @param name the name of the result's column; required
     * @return this reducer, naming its result
     */
    public Reducer as(String name) {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        return new Reducer(function, arguments, name, computed, list);
    }

    /** @return the column name, or null before {@link #as(String)} */
    String alias() {
        return alias;
    }

    /** @return whether the server computes the result as a double */
    boolean computed() {
        return computed;
    }

    /** @return whether the result is a list */
    boolean list() {
        return list;
    }

    /** @return the arguments after {@code REDUCE} */
    List<String> render() {
        if (alias == null) {
            throw new IllegalArgumentException("reducer " + function + " needs .as(name): the name of its column");
        }
        List<String> out = new ArrayList<>();
        out.add(function);
        out.add(Integer.toString(arguments.size()));
        out.addAll(arguments);
        out.add("AS");
        out.add(alias);
        return out;
    }

    /** @return {@code @field}, for a property name with or without its {@code @} */
    static String property(String field) {
        Objects.requireNonNull(field, "field must not be null");
        String name = field.startsWith("@") ? field.substring(1) : field;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("field must not be empty");
        }
        return "@" + name;
    }

    @Override
    public String toString() {
        return String.join(" ", alias == null ? List.of(function) : render());
    }
}
