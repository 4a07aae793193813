package io.redisarrow.benchmarks.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class JacksonArrowCopyUnitTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);

    private BufferAllocator allocator;

    @BeforeEach
    void openAllocator() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void assertNothingLeaked() {
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        allocator.close();
    }

    private static List<JsonNode> replies(List<String> documents) {
        List<JsonNode> replies = new ArrayList<>();
        for (String document : documents) {
            replies.add(MAPPER.readTree(JsonDocs.reply(document)));
        }
        return replies;
    }

    @Test
    void copiesEveryMemberOfEveryGeneratedDocument() {
        JsonDocs.Generator generator = JsonDocs.generator();
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            documents.add(generator.next(i));
        }

        try (VectorSchemaRoot root = JacksonArrowCopy.copy(replies(documents), allocator)) {
            assertThat(root.getRowCount()).isEqualTo(documents.size());
            for (int row = 0; row < documents.size(); row++) {
                assertThat(rowAsJson(root, row)).as(documents.get(row)).isEqualTo(MAPPER.readTree(documents.get(row)));
            }
        }
    }

    @Test
    void missingMembersAndJsonNullsBecomeNulls() {
        List<String> documents = List.of(
                "{\"name\":null,\"address\":null,\"tags\":null,\"items\":[null,{\"sku\":\"s\"}]}",
                "{}",
                "{\"name\":\"last\",\"address\":{},\"tags\":[\"t\",null],\"items\":[]}");

        try (VectorSchemaRoot root = JacksonArrowCopy.copy(replies(documents), allocator)) {
            for (String member : JsonDocs.MEMBERS) {
                assertThat(root.getVector(member).isNull(1)).as(member).isTrue();
            }
            assertThat(root.getVector("name").isNull(0)).isTrue();
            assertThat(root.getVector("address").isNull(0)).isTrue();
            assertThat(root.getVector("tags").isNull(0)).isTrue();
            ListVector items = (ListVector) root.getVector("items");
            assertThat(items.getObject(0)).hasSize(2);
            assertThat(items.getDataVector().isNull(0)).isTrue();
            assertThat(items.getObject(0).get(1)).isEqualTo(Map.of("sku", new Text("s")));
            assertThat(root.getVector("name").getObject(2).toString()).isEqualTo("last");
            assertThat(root.getVector("address").isNull(2)).isFalse();
            assertThat(((StructVector) root.getVector("address")).getChild("city").isNull(2)).isTrue();
            assertThat(((ListVector) root.getVector("tags")).getObject(2)).hasSize(2);
            assertThat(items.getObject(2)).isEmpty();
        }
    }

    /** Rebuilds a row's document from the vectors, in the JSON types the generator writes. */
    private static JsonNode rowAsJson(VectorSchemaRoot root, int row) {
        StringBuilder out = new StringBuilder("{");
        out.append("\"name\":").append(quoted((VarCharVector) root.getVector("name"), row));
        out.append(",\"age\":").append(((IntVector) root.getVector("age")).get(row));
        out.append(",\"visits\":").append(((BigIntVector) root.getVector("visits")).get(row));
        Float8Vector score = (Float8Vector) root.getVector("score");
        out.append(",\"score\":").append(score.isNull(row) ? "null" : Double.toString(score.get(row)));
        out.append(",\"active\":").append(((BitVector) root.getVector("active")).get(row) == 1);
        out.append(",\"updated\":\"").append(MILLIS.format(Instant.ofEpochMilli(((TimeStampMilliTZVector) root
                .getVector("updated")).get(row)))).append('"');
        BigDecimal balance = ((DecimalVector) root.getVector("balance")).getObject(row);
        assertThat(balance.scale()).isEqualTo(JsonDocs.BALANCE_SCALE);
        out.append(",\"balance\":").append(balance.toPlainString());
        StructVector address = (StructVector) root.getVector("address");
        out.append(",\"address\":{\"city\":").append(quoted(address.getChild("city", VarCharVector.class), row));
        out.append(",\"zip\":").append(quoted(address.getChild("zip", VarCharVector.class), row));
        IntVector floor = address.getChild("floor", IntVector.class);
        if (!floor.isNull(row)) {
            out.append(",\"floor\":").append(floor.get(row));
        }
        out.append("},\"tags\":[");
        ListVector tags = (ListVector) root.getVector("tags");
        VarCharVector tag = (VarCharVector) tags.getDataVector();
        for (int i = tags.getElementStartIndex(row); i < tags.getElementEndIndex(row); i++) {
            out.append(i == tags.getElementStartIndex(row) ? "" : ",").append(quoted(tag, i));
        }
        out.append("],\"items\":[");
        ListVector items = (ListVector) root.getVector("items");
        StructVector item = (StructVector) items.getDataVector();
        for (int i = items.getElementStartIndex(row); i < items.getElementEndIndex(row); i++) {
            out.append(i == items.getElementStartIndex(row) ? "{" : ",{").append("\"sku\":")
                    .append(quoted(item.getChild("sku", VarCharVector.class), i)).append(",\"qty\":")
                    .append(item.getChild("qty", IntVector.class).get(i)).append('}');
        }
        return MAPPER.readTree(out.append("]}").toString());
    }

    private static String quoted(VarCharVector vector, int row) {
        return vector.isNull(row) ? "null" : MAPPER.writeValueAsString(vector.getObject(row).toString());
    }
}
