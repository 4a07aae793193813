package io.redisarrow.samples.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of the "top cities by average age" table.
 *
 * @param city the city, or null for users without one
 * @param avgAge the average age, or null when no user of the city has one
 * @param users the city's users
 */
record CityRow(String city, Double avgAge, long users) {

    /** The largest difference between two averages of the same ages (DuckDB divides in long double). */
    static final double AVERAGE_TOLERANCE = 1e-9;

    /**
     * @param other another row
     * @return whether both are the same city and count, with averages equal within {@link #AVERAGE_TOLERANCE}
     */
    boolean matches(CityRow other) {
        boolean sameAverage = avgAge == null ? other.avgAge == null
                : other.avgAge != null && Math.abs(avgAge - other.avgAge) <= AVERAGE_TOLERANCE;
        return Objects.equals(city, other.city) && users == other.users && sameAverage;
    }

    /**
     * @param result a result set on a row of (city, average age, users)
     * @return that row
     * @throws SQLException when a column cannot be read
     */
    static CityRow read(ResultSet result) throws SQLException {
        return new CityRow(result.getString(1), result.getObject(2, Double.class), result.getLong(3));
    }

    /** @return the row as the main prints it */
    String format() {
        return String.format(Locale.ROOT, "%-16s %8s %,10d", city == null ? "(none)" : city,
                avgAge == null ? "-" : String.format(Locale.ROOT, "%.3f", avgAge), users);
    }
}
