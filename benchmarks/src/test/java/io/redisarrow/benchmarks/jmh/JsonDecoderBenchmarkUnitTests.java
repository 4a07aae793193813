package io.redisarrow.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisarrow.benchmarks.json.JsonDocs;
import io.redisarrow.core.RawBatch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

class JsonDecoderBenchmarkUnitTests {

    @Test
    void holdsEachDocumentsWholeReplyInItsRowAsTheFetchStageDoes() {
        RawBatch raw = JsonDecoderBenchmark.replies();
        JsonDocs.Generator generator = JsonDocs.generator();

        assertThat(raw.rowCount()).isEqualTo(JsonDecoderBenchmark.DOCUMENTS);
        assertThat(raw.columnCount()).isEqualTo(1);
        long total = 0;
        for (int row = 0; row < raw.rowCount(); row++) {
            byte[] reply = JsonDocs.reply(generator.next(row));
            int offset = raw.valueOffset(row, 0);
            int length = raw.valueLength(row, 0);
            assertThat(Arrays.copyOfRange(raw.data(), offset, offset + length)).isEqualTo(reply);
            assertThat(raw.key(row)).isEqualTo(JsonDocs.key(row).getBytes(StandardCharsets.UTF_8));
            total += length;
        }
        assertThat(JsonDecoderBenchmark.replyBytes()).isEqualTo(total);
    }
}
