package io.redisarrow.samples.webflux;

import io.redisarrow.arrow.ArrowIpc;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.NdJson;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import io.redisarrow.testing.RequiresModule;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
@AutoConfigureWebTestClient
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "users.batch-size=100")
class UsersEndpointsIntegrationTests {

    private static final String INDEX = "users-idx-" + UUID.randomUUID();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String url;

    private static RedisKeys keys;

    @Autowired
    private WebTestClient web;

    @Autowired
    private RedisArrow redis;

    private String prefix;

    private BufferAllocator allocator;

    @BeforeAll
    static void connect(RedisTestServer server) {
        url = server.url();
        keys = new RedisKeys(url);
    }

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("redis.url", () -> url);
        registry.add("users.index", () -> INDEX);
    }

    @BeforeEach
    void prefix(RedisTestServer server) {
        prefix = Users.PREFIX + server.uniquePrefix("web");
        allocator = new RootAllocator();
    }

    @AfterEach
    void cleanUp() {
        keys.unlink(prefix + "*");
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
        assertThat(redis.allocator().getAllocatedMemory()).as("the service's allocator").isZero();
    }

    @AfterAll
    static void dropIndex() {
        keys.dropIndexIfAny(INDEX);
        keys.close();
    }

    @Test
    void streamsTheScanAsArrowIpcThatArrowsOwnReaderReadsAndRedisAgreesWith() {
        keys.loadUsers(prefix, 250, 40);

        byte[] body = web.get().uri("/users?pattern={p}", prefix + "*").accept(UsersHandler.ARROW).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(UsersHandler.ARROW)
                .expectBody(byte[].class).returnResult().getResponseBody();

        ArrowBodies.Table table = ArrowBodies.read(body, allocator);
        assertThat(table.schema().getFields()).extracting(Field::getName)
                .containsExactly("_key", "name", "email", "city", "age", "bio");
        assertThat(table.rows()).hasSize(250);
        for (Map<String, String> row : table.rows()) {
            Map<String, String> hash = keys.hgetall(row.get("_key"));
            Map<String, String> values = new HashMap<>(row);
            values.remove("_key");
            assertThat(values).isEqualTo(hash);
        }
        assertThat(table.rows()).extracting(r -> r.get("_key")).doesNotHaveDuplicates();
    }

    @Test
    void streamsTheScanAsNdjsonOneObjectPerUser() throws Exception {
        keys.loadUsers(prefix, 120, 10);

        String body = web.get().uri("/users?pattern={p}", prefix + "*").accept(UsersHandler.NDJSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(UsersHandler.NDJSON)
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> lines = body.lines().toList();
        assertThat(lines).hasSize(120);
        assertThat(body).endsWith("\n");
        for (String line : lines) {
            JsonNode row = JSON.readTree(line);
            Map<String, String> hash = keys.hgetall(row.get("_key").asString());
            assertThat(row.get("name").asString()).isEqualTo(hash.get("name"));
            assertThat(row.get("bio").asString()).isEqualTo(hash.get("bio"));
            assertThat(row.get("age").isNumber()).isTrue();
            assertThat(row.get("age").asInt()).isEqualTo(Integer.parseInt(hash.get("age")));
        }
    }

    @Test
    void projectsTheFieldsAskedForInTheirOrderAndStopsAtTheLimit() {
        keys.loadUsers(prefix, 90, 10);

        byte[] body = web.get().uri("/users?pattern={p}&fields=city,name&limit=7", prefix + "*")
                .accept(UsersHandler.ARROW).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();

        ArrowBodies.Table table = ArrowBodies.read(body, allocator);
        assertThat(table.schema().getFields()).extracting(Field::getName).containsExactly("_key", "city", "name");
        assertThat(table.rows()).hasSize(7);
        for (Map<String, String> row : table.rows()) {
            Map<String, String> hash = keys.hgetall(row.get("_key"));
            assertThat(row.get("city")).isEqualTo(hash.get("city"));
            assertThat(row.get("name")).isEqualTo(hash.get("name"));
        }
    }

    @Test
    void anEmptyMatchStillSendsTheSchema() {
        byte[] body = web.get().uri("/users?pattern={p}", prefix + "nobody-*").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(UsersHandler.ARROW)
                .expectBody(byte[].class).returnResult().getResponseBody();

        ArrowBodies.Table table = ArrowBodies.read(body, allocator);
        assertThat(table.rows()).isEmpty();
        assertThat(table.schema()).isEqualTo(HashScan.builder().schema(Users.SCHEMA).build().batchSchema());
        assertThat(table.schema().getFields()).extracting(Field::getName)
                .containsExactly("_key", "name", "email", "city", "age", "bio");

        String ndjson = web.get().uri("/users?pattern={p}", prefix + "nobody-*").accept(UsersHandler.NDJSON)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(ndjson).isNull();
    }

    @Test
    void badParametersAreBadRequestsSayingWhich() {
        expectBadRequest("/users?pattern=session:*", "pattern must start with 'user:'");
        expectBadRequest("/users?limit=-3", "limit must be a positive number of rows, got '-3'");
        expectBadRequest("/users?fields=name,password", "fields must name fields of");
        web.get().uri("/users").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(406)
                .expectBody(String.class).value(text -> assertThat(text).contains(ArrowIpc.MEDIA_TYPE, NdJson.MEDIA_TYPE));
    }

    @Test
    void anArrowUploadIsWrittenAsHashes() {
        Schema schema = new Schema(List.of(
                new Field("_key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
                new Field("age", FieldType.nullable(new ArrowType.Int(32, true)), null)));
        byte[] upload;
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            upload = ArrowBodies.write(root, 3, (batch, n) -> {
                VarCharVector key = (VarCharVector) batch.getVector("_key");
                VarCharVector name = (VarCharVector) batch.getVector("name");
                IntVector age = (IntVector) batch.getVector("age");
                batch.allocateNew();
                for (int row = 0; row < 4; row++) {
                    int i = n * 4 + row;
                    key.setSafe(row, (prefix + i).getBytes(StandardCharsets.UTF_8));
                    name.setSafe(row, ("Ünïcode \"" + i + "\"").getBytes(StandardCharsets.UTF_8));
                    if (i % 5 == 0) {
                        age.setNull(row);
                    } else {
                        age.setSafe(row, 30 + i);
                    }
                }
                batch.setRowCount(4);
            });
        }

        web.post().uri("/users?mode=replace").contentType(UsersHandler.ARROW).bodyValue(upload).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.batches").isEqualTo(3)
                .jsonPath("$.rows").isEqualTo(12)
                .jsonPath("$.written").isEqualTo(12)
                .jsonPath("$.failed").isEqualTo(0);

        for (int i = 0; i < 12; i++) {
            Map<String, String> expected = new HashMap<>();
            expected.put("name", "Ünïcode \"" + i + "\"");
            if (i % 5 != 0) {
                expected.put("age", Integer.toString(30 + i));
            }
            assertThat(keys.hgetall(prefix + i)).as("HGETALL " + prefix + i).isEqualTo(expected);
        }
    }

    @Test
    void anUploadReportsTheKeysTheServerRefused() {
        keys.sync().set(prefix + "1", "a string, not a hash");
        Schema schema = new Schema(List.of(
                new Field("_key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
        byte[] upload;
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            upload = ArrowBodies.write(root, 1, (batch, n) -> {
                batch.allocateNew();
                for (int row = 0; row < 3; row++) {
                    ((VarCharVector) batch.getVector("_key")).setSafe(row, (prefix + row).getBytes(StandardCharsets.UTF_8));
                    ((VarCharVector) batch.getVector("name")).setSafe(row, ("n" + row).getBytes(StandardCharsets.UTF_8));
                }
                batch.setRowCount(3);
            });
        }

        web.post().uri("/users").contentType(UsersHandler.ARROW).bodyValue(upload).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows").isEqualTo(3)
                .jsonPath("$.written").isEqualTo(2)
                .jsonPath("$.failed").isEqualTo(1)
                .jsonPath("$.failures[0].key").isEqualTo(prefix + "1")
                .jsonPath("$.failures[0].reason").value(reason -> assertThat((String) reason).contains("WRONGTYPE"));
        assertThat(keys.hgetall(prefix + "2")).containsEntry("name", "n2");
    }

    @Test
    void aMalformedUploadIsABadRequestAndLeaksNothing() {
        byte[] notArrow = "{\"name\": \"not an Arrow stream\"}".repeat(50).getBytes(StandardCharsets.UTF_8);

        web.post().uri("/users").contentType(UsersHandler.ARROW).bodyValue(notArrow).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isNotEmpty();
        web.post().uri("/users?mode=sometimes").contentType(UsersHandler.ARROW).bodyValue(notArrow).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .contains("mode must be one of [REPLACE, MERGE, SKIP_EXISTING], got 'sometimes'"));
        web.post().uri("/users").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(415);
        assertThat(redis.allocator().getAllocatedMemory()).isZero();
    }

    @Test
    @RequiresModule(RedisModule.SEARCH)
    void searchStreamsTheMatchesOfAQuery() {
        keys.loadUsers(prefix, 60, 10);
        String town = "T" + UUID.randomUUID().toString().replace("-", "");
        for (int i = 0; i < 60; i += 4) {
            keys.sync().hset(prefix + i, "city", town);
        }

        byte[] body = web.get().uri("/users/search?q={q}&fields=city,age", "@city:{" + town + "}")
                .accept(UsersHandler.ARROW).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        ArrowBodies.Table table = ArrowBodies.read(body, allocator);
        assertThat(table.rows()).extracting(r -> r.get("_key"))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.iterate(0, i -> i < 60, i -> i + 4)
                        .mapToObj(i -> prefix + i).toList());
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.get("city")).isEqualTo(town));

        String ndjson = web.get().uri("/users/search?q={q}", "@city:{" + town + "}").accept(UsersHandler.NDJSON)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(ndjson.lines()).hasSize(15);

        web.get().uri("/users/search?q={q}", "@city:{unclosed").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("rejected the query"));
    }

    private void expectBadRequest(String uri, String message) {
        web.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains(message));
    }
}
