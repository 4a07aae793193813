package io.redisarrow.core.internal.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RespWriterUnitTests {

    @Test
    void encodesCommandsExactly() {
        ByteBuf out = Unpooled.buffer();
        RespWriter.arrayHeader(out, 2);
        out.writeBytes(RespWriter.bulk("HGETALL"));
        RespWriter.bulk(out, "user:ü".getBytes(StandardCharsets.UTF_8));
        RespWriter.arrayHeader(out, 12);
        RespWriter.bulk(out, new byte[0]);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("*2\r\n$7\r\nHGETALL\r\n$7\r\nuser:ü\r\n*12\r\n$0\r\n\r\n");
    }
}
