package io.redisarrow.cli;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The schema's text form on the command line: {@code name:type} pairs separated by commas, such
 * as {@code name:utf8,age:int32,joined:date}. A type followed by {@code !} is not nullable
 * ({@code id:int64!}); every other field is nullable. Types: {@code utf8} ({@code string}),
 * {@code binary}, {@code bool}, {@code int8} to {@code int64} ({@code int} = int32, {@code long}
 * = int64), {@code uint8} to {@code uint64}, {@code float32} ({@code float}), {@code float64}
 * ({@code double}), {@code date} (days), {@code timestamp} (microseconds, no zone) or
 * {@code timestamp(ms|us|ns[,zone])}, {@code decimal(precision,scale)}, and nested
 * {@code list<type>}, {@code struct<name:type,...>}, {@code map<keytype,valuetype>}. Spaces and
 * line breaks around names and types are ignored. {@link #format(Schema)} writes the same form.
 */
final class SchemaText {

    private final String text;

    private int pos;

    private SchemaText(String text) {
        this.text = text;
    }

    /**
     * @param text the schema's text form
     * @return the schema
     * @throws IllegalArgumentException naming the position and what was expected, when malformed
     */
    static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--schema is empty: give name:type pairs, such as name:utf8,age:int32");
        }
        SchemaText parser = new SchemaText(text);
        List<Field> fields = parser.fields(true);
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("expected ',' or the end");
        }
        return new Schema(fields);
    }

    /**
     * @param schema a schema
     * @return its text form, which {@link #parse(String)} reads back to the same types
     */
    static String format(Schema schema) {
        return schema.getFields().stream().map(SchemaText::field).collect(Collectors.joining(","));
    }

    /**
     * @param field a field
     * @return {@code name:type}, with {@code !} when not nullable
     */
    static String field(Field field) {
        return field.getName() + ":" + type(field) + (field.isNullable() ? "" : "!");
    }

    private static String type(Field field) {
        ArrowType type = field.getType();
        return switch (type.getTypeID()) {
            case Utf8 -> "utf8";
            case Binary -> "binary";
            case Bool -> "bool";
            case Int -> {
                ArrowType.Int i = (ArrowType.Int) type;
                yield (i.getIsSigned() ? "int" : "uint") + i.getBitWidth();
            }
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.SINGLE
                    ? "float32" : "float64";
            case Date -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY ? "date" : "date(ms)";
            case Timestamp -> {
                ArrowType.Timestamp t = (ArrowType.Timestamp) type;
                String unit = switch (t.getUnit()) {
                    case SECOND -> "s";
                    case MILLISECOND -> "ms";
                    case MICROSECOND -> "us";
                    case NANOSECOND -> "ns";
                };
                yield t.getTimezone() == null ? "timestamp(" + unit + ")" : "timestamp(" + unit + "," + t.getTimezone() + ")";
            }
            case Decimal -> {
                ArrowType.Decimal d = (ArrowType.Decimal) type;
                yield "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
            }
            case List -> "list<" + type(field.getChildren().get(0)) + nonNull(field.getChildren().get(0)) + ">";
            case Struct -> "struct<" + field.getChildren().stream().map(SchemaText::field).collect(Collectors.joining(","))
                    + ">";
            case Map -> {
                List<Field> entry = field.getChildren().get(0).getChildren();
                yield "map<" + type(entry.get(0)) + "," + type(entry.get(1)) + nonNull(entry.get(1)) + ">";
            }
            default -> throw new IllegalArgumentException("column '" + field.getName() + "' has type " + type
                    + ", which the schema's text form does not name");
        };
    }

    private static String nonNull(Field field) {
        return field.isNullable() ? "" : "!";
    }

    private List<Field> fields(boolean topLevel) {
        List<Field> fields = new ArrayList<>();
        do {
            String name = name();
            skipSpace();
            expect(':');
            fields.add(typed(name));
            skipSpace();
        } while (accept(','));
        if (topLevel) {
            List<String> names = fields.stream().map(Field::getName).toList();
            for (String n : names) {
                if (names.indexOf(n) != names.lastIndexOf(n)) {
                    throw new IllegalArgumentException("--schema names column '" + n + "' twice");
                }
            }
        }
        return fields;
    }

    private Field typed(String name) {
        skipSpace();
        String word = word().toLowerCase(Locale.ROOT);
        ArrowType type;
        List<Field> children = null;
        switch (word) {
            case "utf8", "string" -> type = ArrowType.Utf8.INSTANCE;
            case "binary" -> type = ArrowType.Binary.INSTANCE;
            case "bool", "boolean" -> type = ArrowType.Bool.INSTANCE;
            case "int8" -> type = new ArrowType.Int(8, true);
            case "int16" -> type = new ArrowType.Int(16, true);
            case "int32", "int" -> type = new ArrowType.Int(32, true);
            case "int64", "long" -> type = new ArrowType.Int(64, true);
            case "uint8" -> type = new ArrowType.Int(8, false);
            case "uint16" -> type = new ArrowType.Int(16, false);
            case "uint32" -> type = new ArrowType.Int(32, false);
            case "uint64" -> type = new ArrowType.Int(64, false);
            case "float32", "float" -> type = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case "float64", "double" -> type = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case "date" -> type = accept('(') ? dateArguments() : new ArrowType.Date(DateUnit.DAY);
            case "timestamp" -> type = accept('(') ? timestampArguments() : new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case "decimal" -> {
                expect('(');
                int precision = number();
                expect(',');
                int scale = number();
                expect(')');
                if (precision < 1 || precision > 38 || scale > precision) {
                    throw error("decimal(" + precision + "," + scale + ") needs 1 <= precision <= 38 and scale <= precision");
                }
                type = new ArrowType.Decimal(precision, scale, 128);
            }
            case "list" -> {
                expect('<');
                children = List.of(typed("element"));
                expect('>');
                type = ArrowType.List.INSTANCE;
            }
            case "struct" -> {
                expect('<');
                children = fields(false);
                expect('>');
                type = ArrowType.Struct.INSTANCE;
            }
            case "map" -> {
                expect('<');
                Field key = typed("key");
                expect(',');
                Field value = typed("value");
                expect('>');
                Field keyField = new Field("key", FieldType.notNullable(key.getType()), key.getChildren());
                children = List.of(new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
                        List.of(keyField, value)));
                type = new ArrowType.Map(false);
            }
            case "" -> throw error("expected a type after '" + name + ":'");
            default -> throw new IllegalArgumentException("--schema: unknown type '" + word + "' for column '" + name
                    + "'; known: utf8, binary, bool, int8..int64, uint8..uint64, float32, float64, date, timestamp,"
                    + " decimal(p,s), list<t>, struct<...>, map<k,v>");
        }
        skipSpace();
        boolean nullable = !accept('!');
        return new Field(name, new FieldType(nullable, type, null), children);
    }

    private ArrowType dateArguments() {
        String unit = word().toLowerCase(Locale.ROOT);
        expect(')');
        return switch (unit) {
            case "day" -> new ArrowType.Date(DateUnit.DAY);
            case "ms" -> new ArrowType.Date(DateUnit.MILLISECOND);
            default -> throw error("date takes (day) or (ms), not (" + unit + ")");
        };
    }

    private ArrowType timestampArguments() {
        String unitText = word().toLowerCase(Locale.ROOT);
        TimeUnit unit = switch (unitText) {
            case "s" -> TimeUnit.SECOND;
            case "ms" -> TimeUnit.MILLISECOND;
            case "us" -> TimeUnit.MICROSECOND;
            case "ns" -> TimeUnit.NANOSECOND;
            default -> throw error("timestamp takes a unit of s, ms, us or ns, not '" + unitText + "'");
        };
        String zone = null;
        if (accept(',')) {
            skipSpace();
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ')') {
                pos++;
            }
            zone = text.substring(start, pos).strip();
        }
        expect(')');
        return new ArrowType.Timestamp(unit, zone);
    }

    private String name() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && ":,<>!()".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String name = text.substring(start, pos).strip();
        if (name.isEmpty()) {
            throw error("expected a column name");
        }
        return name;
    }

    private String word() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private int number() {
        String digits = word();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error("expected a number, not '" + digits + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean accept(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        String near = pos < text.length() ? "at '" + text.substring(pos, Math.min(text.length(), pos + 12)) + "'"
                : "at the end";
        return new IllegalArgumentException("--schema '" + text + "': " + what + " (position " + (pos + 1) + ", " + near
                + ")");
    }
}
