package io.redisarrow.benchmarks.json;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import tools.jackson.databind.JsonNode;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What a user writes without redis-arrow to turn JSON documents parsed by Jackson ({@code readTree}) into
 * Arrow: a fresh {@link VectorSchemaRoot} of {@link JsonDocs#SCHEMA} per batch, each member copied into
 * its vector with the vector's own setters (strings as UTF-8 bytes, the timestamp through
 * {@link Instant#parse}, the balance through {@link JsonNode#decimalValue()}), nested objects into
 * Struct vectors and arrays into List vectors; a missing member or JSON null becomes null. A fair
 * hand-written converter: the vectors are sized for the batch up front, and nothing is copied twice.
 */
public final class JacksonArrowCopy {

    private JacksonArrowCopy() {
    }

    /**
     * Copies one batch of {@code JSON.GET key $} replies, each parsed into a tree.
     *
     * @param replies one tree per row: an array whose first element is the document
     * @param allocator where the vectors' memory comes from
     * @return the batch, rows in the order given; the caller closes it
     */
    public static VectorSchemaRoot copy(List<JsonNode> replies, BufferAllocator allocator) {
        int rows = replies.size();
        VectorSchemaRoot root = VectorSchemaRoot.create(JsonDocs.SCHEMA, allocator);
        try {
            for (FieldVector vector : root.getFieldVectors()) {
                vector.setInitialCapacity(rows);
                vector.allocateNew();
            }
            Columns columns = new Columns(root);
            for (int row = 0; row < rows; row++) {
                columns.fill(row, replies.get(row).get(0));
            }
            root.setRowCount(rows);
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** The vectors of one batch, looked up once. */
    private static final class Columns {

        private final VarCharVector name;

        private final IntVector age;

        private final BigIntVector visits;

        private final Float8Vector score;

        private final BitVector active;

        private final TimeStampMilliTZVector updated;

        private final DecimalVector balance;

        private final StructVector address;

        private final VarCharVector city;

        private final VarCharVector zip;

        private final IntVector floor;

        private final ListVector tags;

        private final VarCharVector tag;

        private final ListVector items;

        private final StructVector item;

        private final VarCharVector sku;

        private final IntVector qty;

        Columns(VectorSchemaRoot root) {
            name = (VarCharVector) root.getVector("name");
            age = (IntVector) root.getVector("age");
            visits = (BigIntVector) root.getVector("visits");
            score = (Float8Vector) root.getVector("score");
            active = (BitVector) root.getVector("active");
            updated = (TimeStampMilliTZVector) root.getVector("updated");
            balance = (DecimalVector) root.getVector("balance");
            address = (StructVector) root.getVector("address");
            city = address.getChild("city", VarCharVector.class);
            zip = address.getChild("zip", VarCharVector.class);
            floor = address.getChild("floor", IntVector.class);
            tags = (ListVector) root.getVector("tags");
            tag = (VarCharVector) tags.getDataVector();
            items = (ListVector) root.getVector("items");
            item = (StructVector) items.getDataVector();
            sku = item.getChild("sku", VarCharVector.class);
            qty = item.getChild("qty", IntVector.class);
        }

        void fill(int row, JsonNode doc) {
            text(name, row, doc.get("name"));
            integer(age, row, doc.get("age"));
            JsonNode v = doc.get("visits");
            if (absent(v)) {
                visits.setNull(row);
            } else {
                visits.setSafe(row, v.longValue());
            }
            v = doc.get("score");
            if (absent(v)) {
                score.setNull(row);
            } else {
                score.setSafe(row, v.doubleValue());
            }
            v = doc.get("active");
            if (absent(v)) {
                active.setNull(row);
            } else {
                active.setSafe(row, v.booleanValue() ? 1 : 0);
            }
            v = doc.get("updated");
            if (absent(v)) {
                updated.setNull(row);
            } else {
                updated.setSafe(row, Instant.parse(v.stringValue()).toEpochMilli());
            }
            v = doc.get("balance");
            if (absent(v)) {
                balance.setNull(row);
            } else {
                balance.setSafe(row, v.decimalValue().setScale(JsonDocs.BALANCE_SCALE, RoundingMode.UNNECESSARY));
            }
            address(row, doc.get("address"));
            tags(row, doc.get("tags"));
            items(row, doc.get("items"));
        }

        private void address(int row, JsonNode node) {
            if (absent(node)) {
                address.setNull(row);
                city.setNull(row);
                zip.setNull(row);
                floor.setNull(row);
                return;
            }
            address.setIndexDefined(row);
            text(city, row, node.get("city"));
            text(zip, row, node.get("zip"));
            integer(floor, row, node.get("floor"));
        }

        private void tags(int row, JsonNode node) {
            if (absent(node)) {
                tags.setNull(row);
                return;
            }
            int offset = tags.startNewValue(row);
            int size = node.size();
            for (int i = 0; i < size; i++) {
                text(tag, offset + i, node.get(i));
            }
            tags.endValue(row, size);
        }

        private void items(int row, JsonNode node) {
            if (absent(node)) {
                items.setNull(row);
                return;
            }
            int offset = items.startNewValue(row);
            int size = node.size();
            for (int i = 0; i < size; i++) {
                JsonNode element = node.get(i);
                int at = offset + i;
                if (absent(element)) {
                    item.setNull(at);
                    sku.setNull(at);
                    qty.setNull(at);
                } else {
                    item.setIndexDefined(at);
                    text(sku, at, element.get("sku"));
                    integer(qty, at, element.get("qty"));
                }
            }
            items.endValue(row, size);
        }

        private static void text(VarCharVector vector, int row, JsonNode node) {
            if (absent(node)) {
                vector.setNull(row);
            } else {
                vector.setSafe(row, node.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }

        private static void integer(IntVector vector, int row, JsonNode node) {
            if (absent(node)) {
                vector.setNull(row);
            } else {
                vector.setSafe(row, node.intValue());
            }
        }

        private static boolean absent(JsonNode node) {
            return node == null || node.isNull();
        }
    }
}
