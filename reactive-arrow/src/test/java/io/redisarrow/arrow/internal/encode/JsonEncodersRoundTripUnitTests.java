package io.redisarrow.arrow.internal.encode;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.internal.AllocatorTestSupport;
import io.redisarrow.arrow.internal.json.JsonDocuments;
import io.redisarrow.arrow.internal.json.JsonTexts;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encoding and decoding give back the same vectors: for seeded random schemas (Struct, List and
 * Map nested up to four levels over every scalar type but Binary), random vectors are filled (by
 * the JSON decoder from random JSON texts, nulls and extremes included), each cell encoded to its
 * JSON text and each row to an object, and those decoded again with the same fields: every cell
 * must come back equal. Fixed seeds plus one new per run; a failure names its seed.
 */
class JsonEncodersRoundTripUnitTests extends AllocatorTestSupport {

    static final int ROWS = 200;

    static final JsonFactory JSON = new JsonFactory();

    static LongStream seeds() {
        return LongStream.concat(LongStream.rangeClosed(1, 30), LongStream.of(System.nanoTime()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cellsAndRowsReadBackEqual(long seed) {
        Random random = new Random(seed);
        List<Field> fields = new ArrayList<>();
        int columns = 1 + random.nextInt(4);
        for (int i = 0; i < columns; i++) {
            fields.add(randomField(random, "c" + i, 0));
        }
        List<FieldVector> written = new ArrayList<>();
        List<FieldVector> read = new ArrayList<>();
        try {
            for (Field field : fields) {
                String[] texts = new String[ROWS];
                for (int row = 0; row < ROWS; row++) {
                    texts[row] = random.nextInt(8) == 0 ? null : json(g -> writeValue(g, field, random, 0));
                }
                written.add(JsonColumns.decoded(allocator, field, texts));
            }
            // each cell alone
            for (int c = 0; c < columns; c++) {
                ValueEncoder encoder = JsonEncoders.create(written.get(c));
                String[] texts = new String[ROWS];
                for (int row = 0; row < ROWS; row++) {
                    if (!encoder.isNull(row)) {
                        Text text = encoder.text(row);
                        texts[row] = new String(text.bytes(), text.offset(), text.length(), StandardCharsets.UTF_8);
                    }
                }
                try (FieldVector back = JsonColumns.decoded(allocator, fields.get(c), texts)) {
                    for (int row = 0; row < ROWS; row++) {
                        assertThat(back.getObject(row)).as("seed %d, %s, row %d: %s", seed, fields.get(c), row, texts[row])
                                .isEqualTo(written.get(c).getObject(row));
                    }
                }
            }
            // whole rows, as JSON.GET replies
            List<String> names = fields.stream().map(Field::getName).toList();
            JsonObjectEncoder objects = JsonEncoders.objects(written, names);
            RawBatch raw = new RawBatch(1, ROWS, false);
            for (int row = 0; row < ROWS; row++) {
                int at = raw.startRow(("k" + row).getBytes(StandardCharsets.UTF_8));
                Text text = objects.text(row);
                byte[] reply = new byte[text.length() + 2];
                reply[0] = '[';
                System.arraycopy(text.bytes(), text.offset(), reply, 1, text.length());
                reply[reply.length - 1] = ']';
                raw.copyValue(at, 0, reply, 0, reply.length);
            }
            for (Field field : fields) {
                read.add(field.createVector(allocator));
            }
            JsonDocuments.members(fields).decode(raw, 0, read, ParseErrorPolicy.FAIL);
            for (int c = 0; c < columns; c++) {
                for (int row = 0; row < ROWS; row++) {
                    assertThat(read.get(c).getObject(row)).as("seed %d, row %d, column %s", seed, row, fields.get(c))
                            .isEqualTo(written.get(c).getObject(row));
                }
            }
        } finally {
            written.forEach(FieldVector::close);
            read.forEach(FieldVector::close);
        }
    }


    static final ArrowType[] SCALARS = {
            new ArrowType.Int(8, true), new ArrowType.Int(32, true), new ArrowType.Int(64, true),
            new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE),
            ArrowType.Bool.INSTANCE, new ArrowType.Decimal(10, 2, 128), new ArrowType.Decimal(15, 0, 128),
            new ArrowType.Decimal(38, 10, 128), new ArrowType.Decimal(20, -3, 128), new ArrowType.Date(DateUnit.DAY),
            new ArrowType.Date(DateUnit.MILLISECOND), new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"),
            new ArrowType.Timestamp(TimeUnit.NANOSECOND, "Europe/Paris"), new ArrowType.Timestamp(TimeUnit.SECOND, null),
            ArrowType.Utf8.INSTANCE };

    static Field randomField(Random random, String name, int depth) {
        int kind = depth >= 4 ? 3 : random.nextInt(6);
        return switch (kind) {
            case 0 -> {
                List<Field> children = new ArrayList<>();
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    children.add(randomField(random, i == 0 && random.nextBoolean() ? "é \"q\" /~" : "f" + i, depth + 1));
                }
                yield new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), children);
            }
            case 1 -> new Field(name, FieldType.nullable(new ArrowType.List()), List.of(randomField(random, "item", depth + 1)));
            case 2 -> new Field(name, FieldType.nullable(new ArrowType.Map(false)), List.of(new Field("entries",
                    FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                            new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                            randomField(random, "value", depth + 1)))));
            default -> new Field(name, FieldType.nullable(SCALARS[random.nextInt(SCALARS.length)]), null);
        };
    }

    interface Writes {
        void to(JsonGenerator generator);
    }

    static String json(Writes writes) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            writes.to(generator);
        }
        return out.toString();
    }

    static void writeValue(JsonGenerator g, Field field, Random random, int depth) {
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case Struct -> {
                g.writeStartObject();
                for (Field child : field.getChildren()) {
                    if (random.nextInt(5) == 0) {
                        continue;
                    }
                    g.writeName(child.getName());
                    if (random.nextInt(6) == 0) {
                        g.writeNull();
                    } else {
                        writeValue(g, child, random, depth + 1);
                    }
                }
                g.writeEndObject();
            }
            case List -> {
                g.writeStartArray();
                int count = random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    if (random.nextInt(6) == 0) {
                        g.writeNull();
                    } else {
                        writeValue(g, field.getChildren().get(0), random, depth + 1);
                    }
                }
                g.writeEndArray();
            }
            case Map -> {
                g.writeStartObject();
                int count = random.nextInt(4);
                Field value = field.getChildren().get(0).getChildren().get(1);
                for (int i = 0; i < count; i++) {
                    g.writeName(i + EncodersRoundTripUnitTests.text(random));
                    if (random.nextInt(6) == 0) {
                        g.writeNull();
                    } else {
                        writeValue(g, value, random, depth + 1);
                    }
                }
                g.writeEndObject();
            }
            default -> writeScalar(g, type, random);
        }
    }

    static void writeScalar(JsonGenerator g, ArrowType type, Random random) {
        switch (type.getTypeID()) {
            case Int -> {
                int bits = ((ArrowType.Int) type).getBitWidth();
                long min = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
                long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
                g.writeNumber(EncodersRoundTripUnitTests.integer(random, min, max));
            }
            case FloatingPoint -> {
                double value = ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.SINGLE
                        ? EncodersRoundTripUnitTests.aFloat(random) : EncodersRoundTripUnitTests.aDouble(random);
                if (Double.isNaN(value)) {
                    g.writeString("nan");
                } else if (Double.isInfinite(value)) {
                    g.writeString(value > 0 ? "inf" : "-inf");
                } else {
                    g.writeNumber(Double.toString(value));
                }
            }
            case Bool -> g.writeBoolean(random.nextBoolean());
            case Decimal -> {
                ArrowType.Decimal decimal = (ArrowType.Decimal) type;
                BigDecimal value = EncodersRoundTripUnitTests.decimal(random, decimal.getPrecision(), decimal.getScale());
                g.writeNumber(value.toPlainString());
            }
            case Date -> {
                long day = EncodersRoundTripUnitTests.day(random, -1_000_000, 1_000_000);
                if (day >= EncodersRoundTripUnitTests.FIRST_DAY && day <= EncodersRoundTripUnitTests.LAST_DAY) {
                    g.writeString(LocalDate.ofEpochDay(day).toString());
                } else {
                    g.writeNumber(((ArrowType.Date) type).getUnit() == DateUnit.DAY ? day : day * 86_400_000L);
                }
            }
            case Timestamp -> {
                long second = Instant.parse("1850-01-01T00:00:00Z").getEpochSecond()
                        + (long) (random.nextDouble() * 300 * 365 * 86_400L);
                ArrowType.Timestamp timestamp = (ArrowType.Timestamp) type;
                long perSecond = switch (timestamp.getUnit()) {
                    case SECOND -> 1;
                    case MILLISECOND -> 1_000;
                    case MICROSECOND -> 1_000_000;
                    case NANOSECOND -> 1_000_000_000;
                };
                g.writeNumber(second * perSecond + (long) (random.nextDouble() * perSecond));
            }
            default -> g.writeString(EncodersRoundTripUnitTests.text(random));
        }
    }
}
