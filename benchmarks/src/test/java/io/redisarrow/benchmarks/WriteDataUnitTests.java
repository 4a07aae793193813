package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

class WriteDataUnitTests {

    @Test
    void batchesHoldEveryRowInBatchesOfFiveThousandUnderThePrefix() {
        WriteData data = WriteData.generate(12_001);
        try (BufferAllocator allocator = new RootAllocator()) {
            List<RecordBatch> batches = data.batches(allocator, "p:");
            try {
                assertThat(batches).extracting(RecordBatch::rowCount).containsExactly(5_000, 5_000, 2_001);
                RowTexts last = new RowTexts(batches.get(2).root());
                assertThat(last.key(2_000)).isEqualTo("p:000000012000");
                assertThat(batches.get(0).schema()).isEqualTo(WriteData.SCHEMA);
            } finally {
                batches.forEach(RecordBatch::close);
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    @Test
    void theBaselinesConversionGivesTheTextsTheLibraryWrites() {
        WriteData data = WriteData.generate(50);
        try (BufferAllocator allocator = new RootAllocator()) {
            List<RecordBatch> batches = data.batches(allocator, "p:");
            try {
                RowTexts texts = new RowTexts(batches.get(0).root());
                for (int row = 0; row < 50; row++) {
                    Map<String, String> hash = texts.hash(row);
                    String[] expected = data.texts(row);
                    for (int f = 0; f < BenchData.FIELDS.length; f++) {
                        String field = BenchData.FIELDS[f];
                        if (!field.equals("updated")) {
                            assertThat(hash).containsEntry(field, expected[f]);
                        }
                    }
                    assertThat(hash).hasSize(10);
                }
            } finally {
                batches.forEach(RecordBatch::close);
            }
        }
    }

    @Test
    void theDocumentIsValidJsonWithNumbersAndBooleansBare() {
        WriteData data = WriteData.generate(1);

        JsonNode document = new ObjectMapper().readTree(data.json(0));

        assertThat(document.propertyNames()).containsExactly(BenchData.FIELDS);
        assertThat(document.get("age").isInt()).isTrue();
        assertThat(document.get("visits").isIntegralNumber()).isTrue();
        assertThat(document.get("score").isDouble()).isTrue();
        assertThat(document.get("active").isBoolean()).isTrue();
        assertThat(document.get("joined").isString()).isTrue();
        assertThat(document.get("updated").asString()).endsWith("Z").hasSize(24);
    }

    @Test
    void keysArePaddedToTwelveDigitsAsRedisBenchmarksRandInt() {
        assertThat(WriteData.key("bench:w:", 42)).isEqualTo("bench:w:000000000042");
        assertThat(WriteData.key("bench:w:", 123_456_789_012L)).isEqualTo("bench:w:123456789012");
    }

    @Test
    void theTypicalRowIsTheOneClosestToTheMeanLength() {
        WriteData data = WriteData.generate(1_000);
        int typical = data.typicalRow();
        double mean = 0;
        for (int i = 0; i < 1_000; i++) {
            mean += length(data.texts(i)) / 1_000.0;
        }

        for (int i = 0; i < 1_000; i++) {
            assertThat(Math.abs(length(data.texts(typical)) - mean)).isLessThanOrEqualTo(Math.abs(length(data.texts(i)) - mean));
        }
    }

    private static int length(String[] texts) {
        int n = 0;
        for (String text : texts) {
            n += text.length();
        }
        return n;
    }
}
