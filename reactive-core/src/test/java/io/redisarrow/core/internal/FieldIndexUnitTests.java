package io.redisarrow.core.internal;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldIndexUnitTests {

    private final FieldIndex index = new FieldIndex(List.of(bytes("name"), bytes("age"), bytes("ägé"), bytes("")));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuffer buffer(String s) {
        return ByteBuffer.wrap(bytes(s));
    }

    @Test
    void findsEveryFieldWhateverTheHint() {
        for (int hint = -1; hint < 6; hint++) {
            assertThat(index.find(buffer("name"), hint)).isEqualTo(0);
            assertThat(index.find(buffer("age"), hint)).isEqualTo(1);
            assertThat(index.find(buffer("ägé"), hint)).isEqualTo(2);
            assertThat(index.find(buffer(""), hint)).isEqualTo(3);
        }
    }

    @Test
    void unknownFieldsAndPrefixesAreUnknown() {
        assertThat(index.find(buffer("nam"), 0)).isEqualTo(FieldIndex.UNKNOWN);
        assertThat(index.find(buffer("names"), 0)).isEqualTo(FieldIndex.UNKNOWN);
        assertThat(new FieldIndex(List.of()).find(buffer("a"), 0)).isEqualTo(FieldIndex.UNKNOWN);
    }

    @Test
    void readsOnlyTheRemainingBytesOfASlice() {
        ByteBuffer reply = buffer("xxageyy");
        reply.position(2).limit(5);
        assertThat(index.find(reply, 0)).isEqualTo(1);
        assertThat(reply.position()).isEqualTo(2);
    }
}
