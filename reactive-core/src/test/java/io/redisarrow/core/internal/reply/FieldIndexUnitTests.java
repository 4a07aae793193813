package io.redisarrow.core.internal.reply;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldIndexUnitTests {

    private final FieldIndex index = new FieldIndex(List.of(bytes("name"), bytes("age"), bytes("ägé"), bytes("")));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private int find(String name, int hint) {
        byte[] padded = bytes("xx" + name + "yy");
        return index.find(padded, 2, bytes(name).length, hint);
    }

    @Test
    void findsEveryFieldWhateverTheHint() {
        for (int hint = -1; hint < 6; hint++) {
            assertThat(find("name", hint)).isEqualTo(0);
            assertThat(find("age", hint)).isEqualTo(1);
            assertThat(find("ägé", hint)).isEqualTo(2);
            assertThat(find("", hint)).isEqualTo(3);
        }
    }

    @Test
    void unknownFieldsAndPrefixesAreUnknown() {
        assertThat(find("nam", 0)).isEqualTo(FieldIndex.UNKNOWN);
        assertThat(find("names", 0)).isEqualTo(FieldIndex.UNKNOWN);
        assertThat(new FieldIndex(List.of()).find(bytes("a"), 0, 1, 0)).isEqualTo(FieldIndex.UNKNOWN);
    }
}
