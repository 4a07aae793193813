package io.redisarrow.benchmarks.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

class JsonDocsUnitTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> documents(int n) {
        JsonDocs.Generator generator = JsonDocs.generator();
        List<String> documents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            documents.add(generator.next(i));
        }
        return documents;
    }

    @Test
    void generatesTheSameDocumentsForTheSameSeed() {
        assertThat(documents(500)).isEqualTo(documents(500));
    }

    @Test
    void everyDocumentIsValidJsonWithTheTenMembersInSchemaOrder() {
        List<String> names = JsonDocs.SCHEMA.getFields().stream().map(Field::getName).toList();
        assertThat(names).isEqualTo(JsonDocs.MEMBERS);
        for (String document : documents(2000)) {
            JsonNode tree = MAPPER.readTree(document);
            assertThat(tree.propertyNames()).as(document).containsExactlyElementsOf(JsonDocs.MEMBERS);
            assertThat(document).as("compact, as the server returns it").doesNotContain(": ", ", ");
        }
    }

    @Test
    void coversNullsMissingMembersEmptyArraysAndNonAsciiText() {
        int nullScores = 0;
        int missingFloors = 0;
        int emptyTags = 0;
        int emptyItems = 0;
        int nonAscii = 0;
        for (String document : documents(1000)) {
            JsonNode tree = MAPPER.readTree(document);
            nullScores += tree.get("score").isNull() ? 1 : 0;
            missingFloors += tree.get("address").has("floor") ? 0 : 1;
            emptyTags += tree.get("tags").isEmpty() ? 1 : 0;
            emptyItems += tree.get("items").isEmpty() ? 1 : 0;
            nonAscii += document.length() != document.getBytes(StandardCharsets.UTF_8).length ? 1 : 0;
        }
        assertThat(nullScores).isPositive();
        assertThat(missingFloors).isPositive();
        assertThat(emptyTags).isPositive();
        assertThat(emptyItems).isPositive();
        assertThat(nonAscii).isPositive();
    }

    @Test
    void balanceIsWrittenWithExactlyTwoDecimals() {
        for (String document : documents(1000)) {
            assertThat(document).containsPattern("\"balance\":[0-9]+\\.[0-9]{" + JsonDocs.BALANCE_SCALE + "},");
        }
    }

    @Test
    void keysAreZeroPaddedLikeRedisBenchmarksRandInt() {
        assertThat(JsonDocs.key(42)).isEqualTo("bench:doc:000000000042");
        assertThat(JsonDocs.key(0)).startsWith(JsonDocs.KEY_PREFIX).matches(JsonDocs.PATTERN.replace("*", ".*"));
        assertThat(JsonDocs.MARKER).as("the marker is no document").doesNotMatch(JsonDocs.PATTERN.replace("*", ".*"));
    }

    @Test
    void replyWrapsTheDocumentInAnArrayAsJsonGetOfTheRootDoes() {
        String document = JsonDocs.generator().next(0);

        JsonNode reply = MAPPER.readTree(JsonDocs.reply(document));

        assertThat(reply.isArray()).isTrue();
        assertThat(reply.size()).isEqualTo(1);
        assertThat(reply.get(0)).isEqualTo(MAPPER.readTree(document));
    }
}
