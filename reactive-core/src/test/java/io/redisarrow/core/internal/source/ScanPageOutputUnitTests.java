package io.redisarrow.core.internal.source;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ScanPageOutputUnitTests {

    static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    static ScanPageOutput page(String cursor, String... keys) {
        ScanPageOutput output = new ScanPageOutput();
        output.multi(2);
        output.set(bytes(cursor));
        output.multi(keys.length);
        for (String key : keys) {
            output.set(bytes(key));
        }
        return output;
    }

    @Test
    void dropsDuplicatesWithinOneReplyAndKeepsReplyOrder() {
        ScanPageOutput output = page("17", "b", "a", "b", "c", "a");
        assertThat(output.keys()).extracting(k -> new String(k, StandardCharsets.UTF_8)).containsExactly("b", "a", "c");
        assertThat(new String(output.cursor(), StandardCharsets.UTF_8)).isEqualTo("17");
        assertThat(output.finished()).isFalse();
    }

    @Test
    void keysThatDifferOnlyInBinaryBytesAreDistinct() {
        ScanPageOutput output = new ScanPageOutput();
        output.set(bytes("0"));
        output.set(ByteBuffer.wrap(new byte[] { 'k', (byte) 0xff }));
        output.set(ByteBuffer.wrap(new byte[] { 'k', (byte) 0xfe }));
        output.set(ByteBuffer.wrap(new byte[] { 'k', (byte) 0xff }));
        assertThat(output.keys()).hasSize(2);
        assertThat(output.finished()).isTrue();
    }

    @Test
    void anEmptyKeyIsAKey() {
        assertThat(page("0", "", "").keys()).hasSize(1);
    }
}
