package io.redisarrow.arrow;

import io.lettuce.core.RedisException;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.core.ConnectionOptions;
import io.redisarrow.core.IndexInfo;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.RedisSession;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@link RedisArrow#createIndex(SearchIndex)}, {@link RedisArrow#dropIndex(String, boolean)} and
 * {@link RedisArrow#indexSchema(String)} against a real RediSearch: indexes on hashes and on JSON
 * documents made from schemas index the values a user stores without a failure, answer queries of
 * each attribute type, and read back as the schema the mapping promises; an existing index, an
 * unknown one, and dropping with and without the documents.
 */
@RequiresModule({RedisModule.JSON, RedisModule.SEARCH})
class SearchIndexIntegrationTests extends ScanTestSupport {

    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    static final ProtocolKeyword FT_SEARCH = keyword("FT.SEARCH");

    static final ProtocolKeyword FT_DROPINDEX = keyword("FT.DROPINDEX");

    static final ProtocolKeyword FT_LIST = keyword("FT._LIST");

    static final int DOCUMENTS = 40;

    RedisSession session;

    final List<String> created = new ArrayList<>();

    static ProtocolKeyword keyword(String name) {
        return SearchTestSupport.command(name);
    }

    static Field field(String name, ArrowType type, Field... children) {
        return new Field(name, FieldType.nullable(type), children.length == 0 ? null : List.of(children));
    }

    static Field list(String name, ArrowType element) {
        return field(name, ArrowType.List.INSTANCE, field("item", element));
    }

    @BeforeEach
    void openSession() {
        session = RedisSession.create(ConnectionOptions.of(server.url()));
    }

    @AfterEach
    void dropCreatedIndexes() {
        for (String index : created) {
            try {
                loaderConnection.sync().dispatch(FT_DROPINDEX, new StatusOutput<>(ByteArrayCodec.INSTANCE),
                        new CommandArgs<>(ByteArrayCodec.INSTANCE).add(index));
            } catch (RedisException alreadyGone) {
                // dropped by the test
            }
        }
        session.close();
    }

    String indexName(String suffix) {
        String name = prefix + suffix;
        created.add(name);
        return name;
    }

    /** Waits, at most 10 s, until the index has indexed its existing keys and holds {@code documents}. */
    IndexInfo awaitIndexed(String index, long documents) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            IndexInfo info = session.indexInfo(index).block(Duration.ofSeconds(10));
            assertThat(info).isNotNull();
            if ((!info.indexing() && info.documents() + info.indexingFailures() >= documents)
                    || System.nanoTime() > deadline) {
                return info;
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    /** @return how many documents {@code FT.SEARCH index query} matches (DIALECT 2) */
    long count(String index, String query) {
        List<Object> reply = loaderConnection.sync().dispatch(FT_SEARCH, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE),
                new CommandArgs<>(ByteArrayCodec.INSTANCE).add(index).add(query).add("NOCONTENT").add("LIMIT").add(0).add(0)
                        .add("DIALECT").add(2));
        return (Long) reply.get(0);
    }

    List<String> indexes() {
        List<Object> reply = loaderConnection.sync().dispatch(FT_LIST, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE),
                new CommandArgs<>(ByteArrayCodec.INSTANCE));
        return reply.stream().map(name -> new String((byte[]) name, StandardCharsets.UTF_8)).toList();
    }

    /** @return how many of the keys {@code prefix + 0} to {@code prefix + (count - 1)} exist */
    long existing(int count) {
        byte[][] keys = new byte[count][];
        for (int i = 0; i < count; i++) {
            keys[i] = bytes(prefix + i);
        }
        return commands().exists(keys);
    }

    static Map<String, String> metadata(String identifier, String type, boolean sortable) {
        return Map.of(SearchMetadata.IDENTIFIER, identifier, SearchMetadata.TYPE, type, SearchMetadata.SORTABLE,
                Boolean.toString(sortable));
    }

    static Map<String, Object> describe(Schema schema) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Field f : schema.getFields()) {
            assertThat(f.isNullable()).as(f.getName()).isTrue();
            fields.put(f.getName(), f.getType() instanceof ArrowType.List
                    ? List.of(f.getChildren().get(0).getType()) : f.getType());
        }
        return fields;
    }

    @Test
    void aHashIndexFromASchemaIndexesEveryValueAndReadsBackAsTheMappedSchema() {
        Schema schema = new Schema(List.of(field("name", UTF8), field("city", UTF8), field("age", INT64),
                field("score", FLOAT64), field("price", new ArrowType.Decimal(10, 2, 128)),
                field("active", ArrowType.Bool.INSTANCE), field("born", new ArrowType.Date(DateUnit.DAY)),
                field("seen", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")), field("home", UTF8),
                field("first name", UTF8)));
        String index = indexName("hash");
        SearchIndex search = SearchIndex.builder().name(index).prefix(prefix).schema(schema).text("name")
                .geo("home").sortable("age", "city").caseSensitive("first name").build();
        loadHashes(DOCUMENTS, i -> {
            Map<String, String> h = new HashMap<>();
            h.put("name", i % 2 == 0 ? "quick brown fox " + i : "lazy dog " + i);
            h.put("city", i % 4 == 0 ? "Oslo" : "Bergen, Norway");
            h.put("age", Integer.toString(20 + i));
            h.put("score", (i + 0.5) + "");
            h.put("price", "12345678.9" + (i % 10));
            h.put("active", i % 5 == 0 ? "true" : "false");
            h.put("born", "2000-01-" + (10 + i % 20));
            h.put("seen", "2024-03-0" + (1 + i % 9) + "T10:00:00Z");
            h.put("home", i % 3 == 0 ? "10.75,59.91" : "5.32,60.39");
            h.put("first name", i % 2 == 0 ? "Ann" : "ann");
            return h;
        });

        StepVerifier.create(redis.createIndex(search)).verifyComplete();

        IndexInfo info = awaitIndexed(index, DOCUMENTS);
        assertThat(info.indexingFailures()).as("documents the index could not index").isZero();
        assertThat(info.documents()).isEqualTo(DOCUMENTS);
        assertThat(info.keyType()).isEqualTo("HASH");
        assertThat(info.prefixes()).containsExactly(prefix);
        assertThat(count(index, "@name:fox")).isEqualTo(20);
        assertThat(count(index, "@city:{Oslo}")).isEqualTo(10);
        assertThat(count(index, "@city:{Norway}")).as("a hash TAG splits at commas").isEqualTo(30);
        assertThat(count(index, "@age:[20 29]")).isEqualTo(10);
        assertThat(count(index, "@score:[0 1]")).isEqualTo(1);
        assertThat(count(index, "@price:[12345678.905 12345678.915]")).isEqualTo(4);
        assertThat(count(index, "@active:{true}")).isEqualTo(8);
        assertThat(count(index, "@born:{2000\\-01\\-10}")).isEqualTo(2);
        assertThat(count(index, "@seen:{2024\\-03\\-01*}")).isEqualTo(5);
        assertThat(count(index, "@home:[10.75 59.91 1 km]")).isEqualTo(14);
        assertThat(count(index, "@first\\ name:{Ann}")).as("case-sensitive").isEqualTo(20);

        Schema read = redis.indexSchema(index).block(Duration.ofSeconds(10));

        assertThat(read).isNotNull();
        assertThat(describe(read)).containsExactly(entry("name", UTF8), entry("city", UTF8), entry("age", FLOAT64),
                entry("score", FLOAT64), entry("price", FLOAT64), entry("active", UTF8), entry("born", UTF8),
                entry("seen", UTF8), entry("home", UTF8), entry("first name", UTF8));
        assertThat(read.findField("name").getMetadata()).isEqualTo(metadata("name", "TEXT", false));
        assertThat(read.findField("city").getMetadata()).isEqualTo(metadata("city", "TAG", true));
        assertThat(read.findField("age").getMetadata()).isEqualTo(metadata("age", "NUMERIC", true));
        assertThat(read.findField("price").getMetadata()).isEqualTo(metadata("price", "NUMERIC", false));
        assertThat(read.findField("born").getMetadata()).isEqualTo(metadata("born", "TAG", false));
        assertThat(read.findField("home").getMetadata()).isEqualTo(metadata("home", "GEO", false));
        assertThat(read.findField("first name").getMetadata()).isEqualTo(metadata("first name", "TAG", false));
    }

    @Test
    void aJsonIndexFromASchemaIndexesListsAndPathsAndReadsBackAsTheMappedSchema() {
        Schema schema = new Schema(List.of(field("name", UTF8), list("tags", UTF8), list("scores", INT64),
                field("city", UTF8), field("sku", UTF8), field("price", FLOAT64), field("active", ArrowType.Bool.INSTANCE),
                field("first name", UTF8), field("day", new ArrowType.Date(DateUnit.DAY)), list("places", UTF8)));
        String index = indexName("json");
        SearchIndex search = SearchIndex.builder().name(index).on(SearchIndex.Target.JSON).prefix(prefix)
                .schema(schema).text("name").geo("places").sortable("price")
                .path("city", "$.address.city").path("sku", "$.items[*].sku").build();
        loadJson(DOCUMENTS, i -> "{\"name\":\"" + (i % 2 == 0 ? "quick brown fox" : "lazy dog") + "\","
                + "\"tags\":[\"t" + (i % 3) + "\",\"all, of them\"],\"scores\":[" + i + "," + (100 + i) + "],"
                + "\"address\":{\"city\":\"" + (i % 4 == 0 ? "Oslo" : "Bergen") + "\"},"
                + "\"items\":[{\"sku\":\"a" + i + "\"},{\"sku\":\"b" + i + "\"}],"
                + "\"price\":" + (i + 0.25) + ",\"active\":" + (i % 5 == 0) + ",\"first name\":\"Ann\","
                + "\"day\":\"2024-02-" + (10 + i % 10) + "\",\"places\":[\"10.75,59.91\",\"5.32,60.39\"]}");

        StepVerifier.create(redis.createIndex(search)).verifyComplete();

        IndexInfo info = awaitIndexed(index, DOCUMENTS);
        assertThat(info.indexingFailures()).as("documents the index could not index").isZero();
        assertThat(info.documents()).isEqualTo(DOCUMENTS);
        assertThat(info.keyType()).isEqualTo("JSON");
        assertThat(count(index, "@name:fox")).isEqualTo(20);
        assertThat(count(index, "@tags:{t1}")).isEqualTo(13);
        assertThat(count(index, "@tags:{all\\, of them}")).as("a JSON TAG keeps commas").isEqualTo(DOCUMENTS);
        assertThat(count(index, "@scores:[105 109]")).isEqualTo(5);
        assertThat(count(index, "@city:{Oslo}")).isEqualTo(10);
        assertThat(count(index, "@sku:{b7}")).isEqualTo(1);
        assertThat(count(index, "@price:[0 2]")).isEqualTo(2);
        assertThat(count(index, "@active:{true}")).isEqualTo(8);
        assertThat(count(index, "@first\\ name:{ann}")).isEqualTo(DOCUMENTS);
        assertThat(count(index, "@day:{2024\\-02\\-1*}")).isEqualTo(DOCUMENTS);
        assertThat(count(index, "@places:[5.32 60.39 1 km]")).isEqualTo(DOCUMENTS);

        Schema read = redis.indexSchema(index).block(Duration.ofSeconds(10));

        assertThat(read).isNotNull();
        assertThat(describe(read)).containsExactly(entry("name", UTF8), entry("tags", List.of(UTF8)),
                entry("scores", List.of(FLOAT64)), entry("city", UTF8), entry("sku", List.of(UTF8)),
                entry("price", FLOAT64), entry("active", UTF8), entry("first name", UTF8), entry("day", UTF8),
                entry("places", List.of(UTF8)));
        assertThat(read.findField("name").getMetadata()).isEqualTo(metadata("$.name", "TEXT", false));
        assertThat(read.findField("tags").getMetadata()).isEqualTo(metadata("$.tags[*]", "TAG", false));
        assertThat(read.findField("scores").getMetadata()).isEqualTo(metadata("$.scores[*]", "NUMERIC", false));
        assertThat(read.findField("city").getMetadata()).isEqualTo(metadata("$.address.city", "TAG", false));
        assertThat(read.findField("sku").getMetadata()).isEqualTo(metadata("$.items[*].sku", "TAG", false));
        assertThat(read.findField("price").getMetadata()).isEqualTo(metadata("$.price", "NUMERIC", true));
        assertThat(read.findField("first name").getMetadata()).isEqualTo(metadata("$[\"first name\"]", "TAG", false));
        assertThat(read.findField("places").getMetadata()).isEqualTo(metadata("$.places[*]", "GEO", false));
    }

    @Test
    void theSchemaOfAJsonIndexReadsItsDocumentsAtTheIdentifiersPaths() {
        Schema schema = new Schema(List.of(list("scores", INT64), field("city", UTF8), field("sku", UTF8)));
        String index = indexName("scan");
        redis.createIndex(SearchIndex.builder().name(index).on(SearchIndex.Target.JSON).prefix(prefix).schema(schema)
                .path("city", "$.address.city").path("sku", "$.items[*].sku").build()).block(Duration.ofSeconds(10));
        jsonSet(prefix + "1", "{\"scores\":[1,2.5],\"address\":{\"city\":\"Oslo\"},\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}");
        Schema read = redis.indexSchema(index).block(Duration.ofSeconds(10));
        assertThat(read).isNotNull();
        JsonScan.Builder scan = JsonScan.builder().pattern(prefix + "*").schema(read).noKeyColumn();
        for (Field f : read.getFields()) {
            scan.path(f.getName(), f.getMetadata().get(SearchMetadata.IDENTIFIER));
        }

        List<String> rows = redis.scanJson(scan.build()).map(batch -> {
            try (batch) {
                return batch.root().contentToTSVString();
            }
        }).collectList().block(Duration.ofSeconds(10));

        assertThat(rows).containsExactly("scores\tcity\tsku\n[1.0,2.5]\tOslo\t[\"a\",\"b\"]\n");
    }

    @Test
    void creatingAnIndexThatExistsFailsSayingSo() {
        String index = indexName("twice");
        SearchIndex search = SearchIndex.builder().name(index).prefix(prefix).schema(new Schema(List.of(
                field("n", INT64)))).build();
        redis.createIndex(search).block(Duration.ofSeconds(10));

        StepVerifier.create(redis.createIndex(search))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisArrowException.class)
                        .hasMessageStartingWith("search index '" + index + "' already exists at " + server.host() + ":"
                                + server.port())
                        .hasMessageContaining("drop it first"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aCreateTheServerRejectsFailsWithItsReasonAndTheCommand() {
        String index = indexName("rejected");
        SearchIndex search = SearchIndex.builder().name(index).prefix(prefix).schema(new Schema(List.of(
                field("a", UTF8)))).build();
        List<String> arguments = new ArrayList<>(search.arguments());
        arguments.add("a"); // a second attribute named a
        arguments.add("NUMERIC");

        StepVerifier.create(session.createIndex(arguments))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisArrowException.class)
                        .hasMessageStartingWith("FT.CREATE of index '" + index + "' failed at ")
                        .hasMessageContaining("Duplicate field in schema")
                        .hasMessageEndingWith("(FT.CREATE " + String.join(" ", arguments) + ")"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void droppingAnIndexKeepsItsDocuments() {
        String index = indexName("keep");
        loadHashes(5, i -> Map.of("n", Integer.toString(i)));
        redis.createIndex(SearchIndex.builder().name(index).prefix(prefix)
                .schema(new Schema(List.of(field("n", INT64)))).build()).block(Duration.ofSeconds(10));
        assertThat(awaitIndexed(index, 5).documents()).isEqualTo(5);

        StepVerifier.create(redis.dropIndex(index)).verifyComplete();

        assertThat(indexes()).doesNotContain(index);
        assertThat(existing(5)).isEqualTo(5);
    }

    @Test
    void droppingAnIndexWithItsDocumentsDeletesTheKeysItIndexedOnly() {
        String index = indexName("delete");
        loadJson(5, i -> "{\"n\":" + i + "}");
        String outside = server.uniquePrefix("outside") + "doc";
        jsonSet(outside, "{\"n\":1}");
        redis.createIndex(SearchIndex.builder().name(index).on(SearchIndex.Target.JSON).prefix(prefix)
                .schema(new Schema(List.of(field("n", INT64)))).build()).block(Duration.ofSeconds(10));
        assertThat(awaitIndexed(index, 5).documents()).isEqualTo(5);

        StepVerifier.create(redis.dropIndex(index, true)).verifyComplete();

        assertThat(indexes()).doesNotContain(index);
        assertThat(existing(5)).isZero();
        assertThat(commands().exists(bytes(outside))).isEqualTo(1);
    }

    @Test
    void anUnknownIndexFailsDropAndSchemaNamingIt() {
        String index = prefix + "missing";
        for (var publisher : List.of(redis.dropIndex(index), redis.dropIndex(index, true), redis.indexSchema(index))) {
            StepVerifier.create(publisher)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisArrowException.class)
                            .hasMessageStartingWith("no search index '" + index + "' at " + server.host() + ":"
                                    + server.port()))
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void badNamesFailAtOnceAndAClosedInstanceFailsOnSubscription() {
        assertThatThrownBy(() -> redis.indexSchema("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be empty");
        assertThatThrownBy(() -> redis.dropIndex("", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be empty");
        assertThatThrownBy(() -> redis.dropIndex(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("name must not be null");
        assertThatThrownBy(() -> session.createIndex(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arguments must start with the index name; got []");
        SearchIndex search = SearchIndex.builder().name(prefix + "closed").prefix(prefix)
                .schema(new Schema(List.of(field("n", INT64)))).build();
        redis.close();

        for (var publisher : List.of(redis.createIndex(search), redis.dropIndex("x"), redis.indexSchema("x"))) {
            StepVerifier.create(publisher).expectErrorSatisfies(e -> assertThat(e)
                    .isInstanceOf(IllegalStateException.class).hasMessage("this RedisArrow is closed"))
                    .verify(Duration.ofSeconds(10));
        }
    }
}
