package io.redisarrow.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which charts each result table gets, drawn from the table's own values with {@link Charts}.
 */
final class Figures {

    private Figures() {
    }

    /**
     * @param table a result table
     * @param directory where the PNG files go
     * @return the file names written (none for a table without charts or rows)
     * @throws IOException when writing fails
     */
    static List<String> draw(Table table, Path directory) throws IOException {
        if (table.rows().isEmpty()) {
            return List.of();
        }
        return switch (table.id()) {
            case "readers" -> readers(table, directory);
            case "batch-size" -> batchSize(table, directory);
            case "projection" -> projection(table, directory);
            case "parallel" -> parallel(table, directory);
            case "memory" -> memory(table, directory);
            case SearchScenario.ID -> search(table, directory);
            case JsonSearchScenario.ID -> searchJson(table, directory);
            case JsonScenario.ID -> json(table, directory);
            default -> List.of();
        };
    }

    private static List<String> readers(Table table, Path directory) throws IOException {
        LinkedHashMap<String, Double> rates = new LinkedHashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            Object[] row = table.rows().get(i);
            String parallel = row[1].toString();
            String name = row[0].toString().replace("server ceiling: redis-benchmark -P " + ServerCeiling.PIPELINE + " -c ",
                    "ceiling, clients: ").replace(" HMGET", "");
            rates.put(name + ("-".equals(parallel) ? "" : " (parallel " + parallel + ")"), table.number(i, "rows_per_s"));
        }
        String file = "readers.png";
        Charts.bars(directory.resolve(file), "Every reader on loopback", "rows/s (median)", true, false,
                Map.of("rows/s", rates));
        return List.of(file);
    }

    private static List<String> json(Table table, Path directory) throws IOException {
        LinkedHashMap<String, Double> rates = new LinkedHashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            Object[] row = table.rows().get(i);
            String parallel = row[1].toString();
            String name = row[0].toString().replace("server ceiling: redis-benchmark -P " + ServerCeiling.PIPELINE + " -c ",
                    "ceiling, clients: ").replace(" JSON.GET $", "").replace(", default options", "");
            rates.put(name + ("-".equals(parallel) ? "" : " (parallel " + parallel + ")"), table.number(i, "rows_per_s"));
        }
        String file = "json.png";
        Charts.bars(directory.resolve(file), "JSON documents: every reader on loopback", "rows/s (median)", true, false,
                Map.of("rows/s", rates));
        return List.of(file);
    }

    private static List<String> batchSize(Table table, Path directory) throws IOException {
        List<double[]> rates = new ArrayList<>();
        List<double[]> ceiling = new ArrayList<>();
        List<double[]> jedis = new ArrayList<>();
        List<double[]> peak = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            double x = table.number(i, "batch_size");
            double rate = table.number(i, "rows_per_s");
            rates.add(new double[] { x, rate });
            ceiling.add(new double[] { x, rate / table.number(i, "x_ceiling") });
            jedis.add(new double[] { x, rate / table.number(i, "x_jedis") });
            peak.add(new double[] { x, table.number(i, "arrow_peak_mb") });
        }
        Charts.lines(directory.resolve("batch-size.png"), "Rows/s by batch size", "batchSize (keys per round trip)",
                "rows/s (median)", true, List.of(Charts.Line.of("redis-arrow", rates),
                        Charts.Line.reference("server ceiling (redis-benchmark HMGET)", ceiling),
                        Charts.Line.reference("Jedis pipeline", jedis)));
        Charts.lines(directory.resolve("batch-size-memory.png"), "Arrow peak by batch size", "batchSize (keys per round trip)",
                "Arrow peak (MB)", true, List.of(Charts.Line.of("allocator peak", peak)));
        return List.of("batch-size.png", "batch-size-memory.png");
    }

    private static List<String> projection(Table table, Path directory) throws IOException {
        List<double[]> rates = new ArrayList<>();
        List<double[]> ceiling = new ArrayList<>();
        List<double[]> jedis = new ArrayList<>();
        List<double[]> bytes = new ArrayList<>();
        List<double[]> proportional = new ArrayList<>();
        int last = table.rows().size() - 1;
        double allFields = table.number(last, "fields");
        double allBytes = table.number(last, "bytes_per_row");
        for (int i = 0; i < table.rows().size(); i++) {
            double x = table.number(i, "fields");
            double rate = table.number(i, "rows_per_s");
            rates.add(new double[] { x, rate });
            ceiling.add(new double[] { x, rate / table.number(i, "x_ceiling_same_fields") });
            jedis.add(new double[] { x, rate / table.number(i, "x_jedis_same_fields") });
            bytes.add(new double[] { x, table.number(i, "bytes_per_row") });
            proportional.add(new double[] { x, allBytes * x / allFields });
        }
        Charts.lines(directory.resolve("projection.png"), "Rows/s by fields read", "fields read (HMGET)", "rows/s (median)",
                false, List.of(Charts.Line.of("redis-arrow", rates), Charts.Line.of("Jedis pipeline, same fields", jedis),
                        Charts.Line.reference("server ceiling, same fields", ceiling)));
        Charts.lines(directory.resolve("projection-bytes.png"), "Bytes Redis sent per row by fields read",
                "fields read (HMGET)", "bytes per row", false, List.of(Charts.Line.of("measured", bytes),
                        Charts.Line.reference("proportional to fields", proportional)));
        return List.of("projection.png", "projection-bytes.png");
    }

    private static List<String> parallel(Table table, Path directory) throws IOException {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        List<double[]> linear = new ArrayList<>();
        List<double[]> claim = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            Object[] row = table.rows().get(i);
            double speedup = table.number(i, "speedup");
            if (Double.isNaN(speedup)) {
                continue;
            }
            double parallel = Double.parseDouble(row[2].toString());
            String name = String.format(java.util.Locale.ROOT, "%s, batchSize %,d", row[0], ((Number) row[1]).longValue());
            series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] { parallel, speedup });
        }
        for (int parallel : ParallelSweep.PARALLELS) {
            linear.add(new double[] { parallel, parallel });
            claim.add(new double[] { parallel, ParallelSweep.SEED_CLAIM.get(parallel) });
        }
        List<Charts.Line> lines = new ArrayList<>();
        series.forEach((name, points) -> lines.add(Charts.Line.of(name, points)));
        lines.add(Charts.Line.reference("linear", linear));
        lines.add(Charts.Line.reference("the seed's claim", claim));
        Charts.lines(directory.resolve("parallel.png"), "Speed-up over parallel 1", "parallel (fetch pipelines in flight)",
                "speed-up vs parallel 1", false, lines);
        return List.of("parallel.png");
    }

    private static List<String> memory(Table table, Path directory) throws IOException {
        LinkedHashMap<String, Double> collect = new LinkedHashMap<>();
        LinkedHashMap<String, Double> stream = new LinkedHashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            String rows = String.format(java.util.Locale.ROOT, "%,d rows", (long) table.number(i, "rows"));
            collect.put(rows, table.number(i, "collect_mb"));
            stream.put(rows, table.number(i, "stream_peak_mb"));
        }
        Map<String, LinkedHashMap<String, Double>> values = new LinkedHashMap<>();
        values.put("collect every batch", collect);
        values.put("stream to a slow subscriber (peak)", stream);
        Charts.bars(directory.resolve("memory.png"), "Arrow memory held: collecting vs streaming", "MB (log scale)",
                false, true, values);
        return List.of("memory.png");
    }

    private static List<String> search(Table table, Path directory) throws IOException {
        Map<String, LinkedHashMap<String, Double>> values = new LinkedHashMap<>();
        if (table.has("speedup_cursor")) {
            values.put("redis-arrow search (cursor)", speedUps(table, "keys", "speedup_cursor"));
        }
        for (int pageSize : SearchScenario.PAGE_SIZES) {
            values.put(String.format(java.util.Locale.ROOT, "FT.SEARCH, LIMIT pages of %,d", pageSize),
                    speedUps(table, "keys", "speedup_page_" + pageSize));
        }
        Charts.bars(directory.resolve("search.png"), "Speed-up of search over a full scan with a client-side filter",
                "x the scan (log scale; no bar: no complete search pass)", true, true, values);
        return List.of("search.png");
    }

    private static List<String> searchJson(Table table, Path directory) throws IOException {
        Map<String, LinkedHashMap<String, Double>> values = new LinkedHashMap<>();
        values.put("redis-arrow search (cursor)", speedUps(table, "documents", "speedup_cursor"));
        Charts.bars(directory.resolve("search-json.png"), "JSON: speed-up of search over scanJson with a client-side"
                + " filter", "x the scan (log scale; no bar: no complete search pass)", true, true, values);
        return List.of("search-json.png");
    }

    /** @return the values of one column by "size, match" (such as "10,000 keys, 1 %"), in row order */
    private static LinkedHashMap<String, Double> speedUps(Table table, String sizeColumn, String column) {
        LinkedHashMap<String, Double> speedUps = new LinkedHashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            String cell = String.format(java.util.Locale.ROOT, "%,d %s, %s", (long) table.number(i, sizeColumn),
                    sizeColumn, table.cell(i, "match"));
            speedUps.put(cell, table.number(i, column));
        }
        return speedUps;
    }
}
