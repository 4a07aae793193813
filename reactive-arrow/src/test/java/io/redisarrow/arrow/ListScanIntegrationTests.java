package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisArrow#scanLists(ListScan)} against a real server: the shared behaviours of
 * {@link CollectionScanContract}, and the list's own (order, positions).
 */
class ListScanIntegrationTests extends CollectionScanContract<ListScan.Builder> {

    @Override
    ListScan.Builder builder() {
        return ListScan.builder();
    }

    @Override
    Flux<RecordBatch> scan(ListScan.Builder builder) {
        return redis.scanLists(builder.build());
    }

    @Override
    Schema batchSchema(ListScan.Builder builder) {
        return builder.build().batchSchema();
    }

    @Override
    void add(byte[] key, List<byte[]> elements) {
        commands().rpush(key, elements.toArray(new byte[0][]));
    }

    @Override
    void removeAll(byte[] key) {
        commands().ltrim(key, 1, 0);
    }

    @Override
    boolean ordered() {
        return true;
    }

    @Override
    String elementColumn() {
        return ListScan.DEFAULT_ELEMENT_COLUMN;
    }

    @Test
    void readsElementsHeadFirstWithTheirPositionsDuplicatesIncluded() {
        add(prefix + "l", "c", "a", "a", "b");
        ListScan scan = ListScan.builder().pattern(prefix + "*").build();
        assertThat(scan.positionColumn()).contains(ListScan.DEFAULT_POSITION_COLUMN);
        assertThat(scan.batchSchema()).isEqualTo(new Schema(List.of(
                new Field("_key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("element", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
                new Field("_position", FieldType.notNullable(INT64), null))));
        assertThat(rows(redis.scanLists(scan))).containsExactly(
                Map.of("_key", prefix + "l", "element", "c", "_position", 0L),
                Map.of("_key", prefix + "l", "element", "a", "_position", 1L),
                Map.of("_key", prefix + "l", "element", "a", "_position", 2L),
                Map.of("_key", prefix + "l", "element", "b", "_position", 3L));
    }

    @Test
    void aLongListComesInOrderWithEveryPositionOnce() {
        add(prefix + "long", numbered("e", 1000));
        List<List<Map<String, Object>>> batches = batches(all().batchSize(100).positionColumn("pos"));
        assertThat(batches).hasSize(10).allSatisfy(batch -> assertThat(batch).hasSize(100));
        List<Map<String, Object>> rows = batches.stream().flatMap(List::stream).toList();
        assertThat(rows).extracting(row -> row.get("pos"))
                .containsExactlyElementsOf(IntStream.range(0, 1000).mapToObj(i -> (Object) (long) i).toList());
        assertThat(rows).extracting(row -> row.get("element")).containsExactlyElementsOf(numbered("e", 1000));
    }

    @Test
    void noPositionColumnLeavesItOut() {
        add(prefix + "l", "a", "b");
        ListScan scan = ListScan.builder().pattern(prefix + "*").noPositionColumn().build();
        assertThat(scan.positionColumn()).isEmpty();
        assertThat(scan.batchSchema().getFields()).extracting(Field::getName).containsExactly("_key", "element");
        assertThat(rows(redis.scanLists(scan))).containsExactly(Map.of("_key", prefix + "l", "element", "a"),
                Map.of("_key", prefix + "l", "element", "b"));
    }

    @Test
    void oneRowPerKeyHoldsTheListInOrderWithoutPositions() {
        add(prefix + "l", "3", "1", "2", "1");
        ListScan scan = ListScan.builder().pattern(prefix + "*").schema(schemaOf("n", INT64)).oneRowPerKey().build();
        assertThat(scan.positionColumn()).isEmpty();
        assertThat(scan.batchSchema()).isEqualTo(new Schema(List.of(
                new Field("_key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("n", FieldType.notNullable(ArrowType.List.INSTANCE), List.of(field("item", INT64))))));
        List<Map<String, Object>> rows = rows(redis.scanLists(scan));
        assertThat(rows).hasSize(1);
        assertThat(new ArrayList<Object>((List<?>) rows.get(0).get("n"))).containsExactly(3L, 1L, 2L, 1L);
    }

    @Test
    void oneRowPerKeySplitsALongListIntoConsecutiveRowsInOrder() {
        add(prefix + "long", numbered("e", 1000));
        add(prefix + "short", "s");
        List<Object> elements = new ArrayList<>();
        List<Map<String, Object>> rows = rows(scan(scanOf(prefix + "long").batchSize(300).oneRowPerKey()));
        rows.forEach(row -> elements.addAll(elementsOf(row)));
        assertThat(rows).extracting(row -> elementsOf(row).size()).containsExactly(300, 300, 300, 100);
        assertThat(elements).containsExactlyElementsOf(numbered("e", 1000));
    }
}
