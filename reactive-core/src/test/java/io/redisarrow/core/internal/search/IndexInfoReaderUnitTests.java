package io.redisarrow.core.internal.search;

import io.redisarrow.core.IndexInfo;
import io.redisarrow.core.RedisArrowException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code FT.INFO} replies recorded from RediSearch 2.6 and 1.2 (as Lettuce's nested output gives them). */
class IndexInfoReaderUnitTests {

    /** Bulk strings become byte arrays, as in the library's connection. */
    static List<Object> reply(Object... parts) {
        List<Object> out = new ArrayList<>();
        for (Object part : parts) {
            out.add(part instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : part);
        }
        return out;
    }

    @Test
    void readsAJsonIndexOfRediSearchTwo() {
        List<Object> info = reply("index_name", "jidx", "index_options", reply(),
                "index_definition", reply("key_type", "JSON", "prefixes", reply("d:"), "default_score", "1"),
                "attributes", reply(reply("identifier", "$.name", "attribute", "name", "type", "TEXT", "WEIGHT", "1"),
                        reply("identifier", "$.age", "attribute", "age", "type", "NUMERIC", "SORTABLE", "UNF"),
                        reply("identifier", "$.tags[*]", "attribute", "tags", "type", "TAG", "SEPARATOR", "")),
                "num_docs", "3", "max_doc_id", "3", "hash_indexing_failures", "1", "indexing", "0",
                "percent_indexed", "1", "cursor_stats", reply("global_idle", 0L, "global_total", 2L,
                        "index_capacity", 128L, "index_total", 2L));
        IndexInfo index = IndexInfoReader.read("jidx", info, "h:1");
        assertThat(index.name()).isEqualTo("jidx");
        assertThat(index.onJson()).isTrue();
        assertThat(index.prefixes()).containsExactly("d:");
        assertThat(index.documents()).isEqualTo(3);
        assertThat(index.indexing()).isFalse();
        assertThat(index.openCursors()).isEqualTo(2);
        assertThat(index.indexingFailures()).isEqualTo(1);
        assertThat(index.attributes()).extracting(IndexInfo.Attribute::name).containsExactly("name", "age", "tags");
        IndexInfo.Attribute age = index.attribute("age").orElseThrow();
        assertThat(age.identifier()).isEqualTo("$.age");
        assertThat(age.type()).isEqualTo("NUMERIC");
        assertThat(age.sortable()).isTrue();
        assertThat(age.options()).containsKey("UNF");
        assertThat(index.attribute("name").orElseThrow().options()).containsEntry("WEIGHT", "1");
    }

    @Test
    void anIndexStillIndexingSaysSo() {
        List<Object> info = reply("index_name", "i", "index_definition", reply("key_type", "HASH", "prefixes", reply("")),
                "attributes", reply(), "num_docs", "10", "indexing", "1", "percent_indexed", "0.25");
        IndexInfo index = IndexInfoReader.read("i", info, "h:1");
        assertThat(index.indexing()).isTrue();
        assertThat(index.onJson()).isFalse();
        assertThat(index.prefixes()).isEmpty();
    }

    @Test
    void rediSearchOneIsTooOld() {
        List<Object> info = reply("index_name", "i1", "index_options", reply(), "fields",
                reply(reply("name", "type", "TEXT", "WEIGHT", "1")), "num_docs", "0");
        assertThatThrownBy(() -> IndexInfoReader.read("i1", info, "h:1")).isInstanceOf(RedisArrowException.class)
                .hasMessageContaining("RediSearch 1.x, which is too old").hasMessageContaining("h:1");
    }
}
