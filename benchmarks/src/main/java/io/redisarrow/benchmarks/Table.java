package io.redisarrow.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One result table of a run: an id (its CSV and chart file names), a title, typed columns and
 * rows of values, and notes under it. Rendered as Markdown (numbers formatted per column,
 * right-aligned) and as CSV (numbers unformatted), so the two never disagree.
 */
final class Table {

    /**
     * A column.
     *
     * @param name the Markdown header
     * @param csvName the CSV header
     * @param format the Markdown format of numbers ({@code %,.0f}, {@code %.2f}); null for text
     */
    record Column(String name, String csvName, String format) {
    }

    private final String id;

    private final String title;

    private final List<Column> columns = new ArrayList<>();

    private final List<Object[]> rows = new ArrayList<>();

    private final List<String> notes = new ArrayList<>();

    /**
     * @param id the file stem of its CSV and charts, such as {@code batch-size}
     * @param title the Markdown heading
     */
    Table(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Adds a text column. */
    Table text(String name, String csvName) {
        columns.add(new Column(name, csvName, null));
        return this;
    }

    /** Adds a number column shown with {@code format}. */
    Table number(String name, String csvName, String format) {
        columns.add(new Column(name, csvName, format));
        return this;
    }

    /**
     * Adds a row: Strings, Numbers, or null for "not measured" (shown as {@code -}). A double
     * that is NaN counts as not measured too.
     */
    Table row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(id + ": a row needs " + columns.size() + " values, not " + values.length);
        }
        rows.add(values.clone());
        return this;
    }

    /** Adds a paragraph under the table. */
    Table note(String text) {
        notes.add(text);
        return this;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    List<Object[]> rows() {
        return rows;
    }

    /** @return the values of one column, in row order */
    List<Object> column(String csvName) {
        int at = indexOf(csvName);
        List<Object> values = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            values.add(row[at]);
        }
        return values;
    }

    /** @return whether the table has a column of this CSV name (a run's CSV from an older version may not) */
    boolean has(String csvName) {
        return columns.stream().anyMatch(column -> column.csvName().equals(csvName));
    }

    /** @return the number in {@code csvName} of row {@code row}, or NaN when not measured */
    double number(int row, String csvName) {
        Object value = rows.get(row)[indexOf(csvName)];
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** @return the cell in {@code csvName} of row {@code row} as text ("-" when not measured) */
    String cell(int row, String csvName) {
        Object value = rows.get(row)[indexOf(csvName)];
        return isMissing(value) ? "-" : value.toString();
    }

    private int indexOf(String csvName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).csvName().equals(csvName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id + " has no column " + csvName);
    }

    /** @return the heading, table and notes, with {@code level} hashes in the heading */
    String markdown(int level) {
        StringBuilder out = new StringBuilder("#".repeat(level)).append(' ').append(title).append("\n\n|");
        StringBuilder rule = new StringBuilder("|");
        for (Column column : columns) {
            out.append(' ').append(column.name()).append(" |");
            rule.append(column.format() == null ? "---|" : "---:|");
        }
        out.append('\n').append(rule).append('\n');
        for (Object[] row : rows) {
            out.append('|');
            for (int i = 0; i < row.length; i++) {
                out.append(' ').append(markdownCell(columns.get(i), row[i])).append(" |");
            }
            out.append('\n');
        }
        for (String note : notes) {
            out.append('\n').append(note).append('\n');
        }
        return out.toString();
    }

    /** @return a header line and one line per row */
    String csv() {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns.stream().map(Column::csvName).toList())).append('\n');
        for (Object[] row : rows) {
            out.append(String.join(",", Arrays.stream(row).map(Table::csvCell).toList())).append('\n');
        }
        return out.toString();
    }

    private static String markdownCell(Column column, Object value) {
        if (isMissing(value)) {
            return "-";
        }
        if (value instanceof Number n && column.format() != null) {
            Object shown = column.format().endsWith("d") ? (Object) n.longValue() : (Object) n.doubleValue();
            return String.format(Locale.ROOT, column.format(), shown);
        }
        return value.toString().replace("|", "\\|");
    }

    private static String csvCell(Object value) {
        if (isMissing(value)) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%.4f", ((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return '"' + value.toString().replace("\"", "\"\"") + '"';
    }

    private static boolean isMissing(Object value) {
        return value == null || value instanceof Double d && d.isNaN();
    }

    /**
     * Reads back a table this class wrote with {@link #csv()}: quoted cells are text, others
     * numbers, empty ones not measured. For redrawing a run's charts; titles and Markdown formats
     * are not in the CSV.
     *
     * @param id the table's id (its file stem)
     * @param csv the CSV text
     * @return the table, every column a number column without a Markdown format
     */
    static Table fromCsv(String id, String csv) {
        String[] lines = csv.split("\n");
        Table table = new Table(id, id);
        for (String name : lines[0].split(",")) {
            table.columns.add(new Column(name, name, null));
        }
        for (int i = 1; i < lines.length; i++) {
            List<Object> cells = new ArrayList<>();
            String line = lines[i];
            int at = 0;
            while (at <= line.length()) {
                if (at < line.length() && line.charAt(at) == '"') {
                    StringBuilder text = new StringBuilder();
                    int j = at + 1;
                    while (j < line.length()) {
                        char c = line.charAt(j);
                        if (c == '"' && j + 1 < line.length() && line.charAt(j + 1) == '"') {
                            text.append('"');
                            j += 2;
                        } else if (c == '"') {
                            break;
                        } else {
                            text.append(c);
                            j++;
                        }
                    }
                    cells.add(text.toString());
                    at = j + 2;
                } else {
                    int comma = line.indexOf(',', at);
                    String cell = line.substring(at, comma < 0 ? line.length() : comma);
                    cells.add(cell.isEmpty() ? null : cell.contains(".") ? (Object) Double.valueOf(cell)
                            : (Object) Long.valueOf(cell));
                    at = comma < 0 ? line.length() + 1 : comma + 1;
                }
            }
            table.rows.add(cells.toArray());
        }
        return table;
    }
}
