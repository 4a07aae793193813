package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A scan streamed as Arrow IPC and read back is the scan; an empty scan still streams its schema,
 * which a read knows before any batch.
 */
class IpcIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.nullable("age", new ArrowType.Int(32, true))));

    @Test
    void aScanStreamedAsIpcReadsBackAsTheScan() {
        loadHashes(2500, i -> Map.of("name", "user " + i, "age", Integer.toString(i % 90)));
        HashScan scan = HashScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(300).ttlColumn("_ttl").build();
        List<Map<String, Object>> direct = Rows.sortedBy(Rows.collect(redis.scanHashes(scan)), "_key");
        List<ByteBuffer> stream = ArrowIpc.write(scan.batchSchema(), redis.scanHashes(scan)).collectList().block();
        List<Map<String, Object>> back = Rows.sortedBy(Rows.collect(ArrowIpc.read(reactor.core.publisher.Flux
                .fromIterable(stream), allocator).doOnNext(batch -> assertThat(batch.schema())
                .isEqualTo(scan.batchSchema()))), "_key");
        assertThat(back).hasSize(2500).isEqualTo(direct);
    }

    @Test
    void anEmptyScanStillStreamsItsSchema() {
        HashScan scan = HashScan.builder().pattern(prefix + "nothing:*").schema(SCHEMA).rowIndexColumn("_i").build();
        List<ByteBuffer> stream = ArrowIpc.write(scan.batchSchema(), redis.scanHashes(scan)).collectList().block();
        assertThat(stream).hasSize(2);
        assertThat(scan.batchSchema().getFields()).extracting(Field::getName).containsExactly("_i", "_key", "name", "age");
    }

    @Test
    void aSearchTypedByItsIndexHasNoSchemaBeforeItRuns() {
        SearchQuery query = SearchQuery.builder().index("idx").build();
        assertThatThrownBy(query::batchSchema).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("typed by its index");
        assertThat(SearchQuery.builder().index("idx").schema(SCHEMA).build().batchSchema().getFields())
                .extracting(Field::getName).containsExactly("_key", "name", "age");
    }
}
