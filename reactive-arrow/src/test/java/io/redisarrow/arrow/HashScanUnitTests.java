package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashScanUnitTests {

    static final Schema SCHEMA = new Schema(List.of(
            new Field("a", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
            new Field("b", FieldType.nullable(new ArrowType.Int(64, true)), null)));

    @Test
    void defaultsAreThePublishedConstants() {
        HashScan scan = HashScan.builder().schema(SCHEMA).build();
        assertThat(scan.pattern()).isEqualTo(HashScan.DEFAULT_PATTERN);
        assertThat(scan.batchSize()).isEqualTo(HashScan.DEFAULT_BATCH_SIZE);
        assertThat(scan.countHint()).isEqualTo(HashScan.DEFAULT_BATCH_SIZE * HashScan.DEFAULT_PARALLEL);
        assertThat(HashScan.builder().schema(SCHEMA).batchSize(10).parallel(3).build().countHint()).isEqualTo(30);
        assertThat(HashScan.builder().schema(SCHEMA).batchSize(100_000).parallel(64).build().countHint())
                .isEqualTo(io.redisarrow.core.ReadRequest.MAX_AUTO_COUNT_HINT);
        assertThat(scan.parallel()).isEqualTo(HashScan.DEFAULT_PARALLEL);
        assertThat(scan.keyColumn()).contains(HashScan.DEFAULT_KEY_COLUMN);
        assertThat(scan.parseErrorPolicy()).isEqualTo(HashScan.DEFAULT_PARSE_ERROR_POLICY);
        assertThat(scan.typeFilter()).isEqualTo(HashScan.DEFAULT_TYPE_FILTER);
        assertThat(scan.limit()).isEqualTo(Long.MAX_VALUE);
        assertThat(scan.ttlColumn()).isEmpty();
        assertThat(scan.rowIndexColumn()).isEmpty();
        assertThat(scan.projection()).isEmpty();
    }

    static io.redisarrow.core.HashValues hash(HashScan scan) {
        return (io.redisarrow.core.HashValues) scan.read().values();
    }

    @Test
    void theRedisSideFollowsTheOptions() {
        HashScan scan = HashScan.builder().schema(SCHEMA).pattern("u:*").batchSize(10).countHint(20).parallel(3)
                .limit(5).ttlColumn("_ttl").project("b").typeFilter(false).build();
        assertThat(hash(scan).projected()).isTrue();
        assertThat(scan.read().withTtl()).isTrue();
        assertThat(hash(scan).fields()).extracting(f -> new String(f, StandardCharsets.UTF_8)).containsExactly("b");
        assertThat(scan.read().typeFilter()).isEqualTo(io.redisarrow.core.TypeFilter.NEVER);
        assertThat(hash(HashScan.builder().schema(SCHEMA).build()).fields()).hasSize(2);
    }

    @Test
    void argumentMistakesFailAtOnceNamingTheOption() {
        HashScan.Builder builder = HashScan.builder();
        assertThatThrownBy(() -> builder.batchSize(0)).hasMessage("batchSize must be between 1 and 1000000");
        assertThatThrownBy(() -> builder.batchSize(1_000_001)).hasMessage("batchSize must be between 1 and 1000000");
        assertThatThrownBy(() -> builder.countHint(0)).hasMessage("countHint must be >= 1");
        assertThatThrownBy(() -> builder.parallel(0)).hasMessage("parallel must be >= 1");
        assertThatThrownBy(() -> builder.limit(-1)).hasMessage("limit must be >= 0");
        assertThatThrownBy(() -> builder.pattern("")).hasMessage("pattern must not be empty");
        assertThatThrownBy(() -> builder.keyColumn("")).hasMessage("keyColumn must not be empty");
        assertThatThrownBy(() -> builder.project()).hasMessage("project must name at least one field");
        assertThatThrownBy(() -> builder.project("a", "a")).hasMessage("project must not name 'a' twice");
        assertThatThrownBy(builder::build).hasMessage("schema must be set");
        assertThatThrownBy(() -> HashScan.builder().schema(SCHEMA).project("c").build())
                .hasMessageContaining("project must name schema fields; 'c'");
        assertThatThrownBy(() -> HashScan.builder().schema(SCHEMA).keyColumn("a").build())
                .hasMessageContaining("column names must be distinct; 'a'");
        assertThatThrownBy(() -> HashScan.builder().schema(SCHEMA).ttlColumn("_key").build())
                .hasMessageContaining("'_key'");
    }

    @Test
    void aBuilderBuildsIndependentScans() {
        HashScan.Builder builder = HashScan.builder().schema(SCHEMA);
        HashScan first = builder.build();
        HashScan second = builder.project("a").build();
        assertThat(hash(first).fields()).hasSize(2);
        assertThat(hash(second).fields()).hasSize(1);
    }
}
