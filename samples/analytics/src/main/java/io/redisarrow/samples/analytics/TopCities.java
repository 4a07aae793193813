package io.redisarrow.samples.analytics;

import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;
import reactor.core.publisher.Flux;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** "Top cities by average age over users": once in SQL with DuckDB, once in plain Java as its check. */
final class TopCities {

    /** The rows shown. */
    static final int LIMIT = 10;

    /** The query; {@code city} breaks ties so that both ways give one order. */
    static final String SQL = "SELECT city, avg(age) AS avg_age, count(*) AS users FROM users"
            + " GROUP BY city ORDER BY 2 DESC, 1 LIMIT " + LIMIT;

    private TopCities() {
    }

    /**
     * @param duckdb the DuckDB connection
     * @param batches the users' batches (city and age columns)
     * @param schema their schema
     * @param allocator the reader's root: the batches' allocator ({@link io.redisarrow.arrow.RedisArrow#allocator()})
     * @return the query's rows
     * @throws SQLException when the query or the scan fails
     */
    static List<CityRow> sql(DuckDBConnection duckdb, Flux<RecordBatch> batches, Schema schema,
            BufferAllocator allocator) throws SQLException {
        return ArrowStreamQuery.run(duckdb, "users", batches, schema, allocator, SQL, result -> {
            List<CityRow> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(CityRow.read(result));
            }
            return rows;
        });
    }

    /**
     * @param batches the users' batches, each closed once counted
     * @return every city's users and ages
     */
    static CityStats java(Flux<RecordBatch> batches) {
        return batches.reduce(CityStats.EMPTY, (stats, batch) -> {
            try (batch) {
                return stats.merge(CityStats.of(batch));
            }
        }).block();
    }
}
