package io.redisarrow.arrow;

import io.redisarrow.core.TypeFilter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys of other types under the pattern are skipped under every {@link TypeFilter}; AUTO turns
 * the server-side filter on once it meets them, so a mixed keyspace stops costing WRONGTYPE
 * replies after the first batches. Counted from the server's command statistics.
 */
class TypeFilterIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null)));

    static final int KEYS = 2000;

    @BeforeEach
    void mixHashesAndStrings() {
        loadHashes(KEYS, i -> Map.of("n", Integer.toString(i)));
        for (int i = 0; i < KEYS; i += 2) {
            commands().del(bytes(prefix + i));
            commands().set(bytes(prefix + i), bytes("a string"));
        }
    }

    long rows(TypeFilter filter) {
        return redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).typeFilter(filter)
                .batchSize(100).parallel(1).countHint(100).build())
                .map(batch -> {
                    try (batch) {
                        return (long) batch.rowCount();
                    }
                }).reduce(0L, Long::sum).block();
    }

    long wrongTypeReplies(TypeFilter filter) {
        long before = LimitIntegrationTests.stat("hgetall", "failed_calls");
        assertThat(rows(filter)).isEqualTo(KEYS / 2);
        return LimitIntegrationTests.stat("hgetall", "failed_calls") - before;
    }

    @Test
    void neverFiltersAndEveryStringCostsAWrongTypeReply() {
        assertThat(wrongTypeReplies(TypeFilter.NEVER)).isEqualTo(KEYS / 2);
    }

    @Test
    void alwaysFiltersOnTheServerAndNoStringIsFetched() {
        assertThat(wrongTypeReplies(TypeFilter.ALWAYS)).isZero();
    }

    @Test
    void autoStartsWithoutTheFilterAndTurnsItOnAtTheFirstOtherType() {
        // the first page and the one already in reserve are read without TYPE: about 100 strings
        assertThat(wrongTypeReplies(TypeFilter.AUTO)).isBetween(1L, 300L);
    }
}
