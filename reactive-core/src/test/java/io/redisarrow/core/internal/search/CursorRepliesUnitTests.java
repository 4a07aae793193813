package io.redisarrow.core.internal.search;

import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.RedisStateMachine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.reply.FieldIndex;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cursor page decoders on replies recorded from RediSearch 2.6 (RESP2, the protocol every
 * connection of the library speaks), fed through Lettuce's decoder whole and split at every byte,
 * as replies arrive in pieces.
 */
class CursorRepliesUnitTests {

    /** {@code FT.AGGREGATE idx * LOAD 1 @__key SORTBY 2 @age ASC TIMEOUT 0 WITHCURSOR COUNT 2}. */
    static final String KEYS_PAGE = "*2\r\n*3\r\n:4\r\n*4\r\n$5\r\n__key\r\n$3\r\nu:4\r\n$3\r\nage\r\n$3\r\n0.1\r\n"
            + "*4\r\n$5\r\n__key\r\n$3\r\nu:3\r\n$3\r\nage\r\n$2\r\n20\r\n:2043608516\r\n";

    /** GROUPBY city, REDUCE TOLIST name AS names, COUNT AS n, FIRST_VALUE score AS s (nil for the last group). */
    static final String GROUPS_PAGE = "*2\r\n*5\r\n:4\r\n"
            + "*8\r\n$4\r\ncity\r\n$8\r\nNew York\r\n$5\r\nnames\r\n*1\r\n$3\r\nBob\r\n$1\r\nn\r\n$1\r\n1\r\n$1\r\ns\r\n$4\r\n2.25\r\n"
            + "*8\r\n$4\r\ncity\r\n$4\r\nOslo\r\n$5\r\nnames\r\n*1\r\n$7\r\nAnn Lee\r\n$1\r\nn\r\n$1\r\n1\r\n$1\r\ns\r\n$3\r\n1.5\r\n"
            + "*8\r\n$4\r\ncity\r\n$4\r\nRome\r\n$5\r\nnames\r\n*2\r\n$3\r\nDee\r\n$4\r\nq\"\\\t\r\n$1\r\nn\r\n$1\r\n2\r\n$1\r\ns\r\n$17\r\n"
            + "12345678901234568\r\n"
            + "*8\r\n$4\r\ncity\r\n$6\r\nx{y}|z\r\n$5\r\nnames\r\n*0\r\n$1\r\nn\r\n$1\r\n1\r\n$1\r\ns\r\n$-1\r\n:0\r\n";

    /** The last page of a cursor: no rows. */
    static final String EMPTY_LAST_PAGE = "*2\r\n*1\r\n:0\r\n:0\r\n";

    /** A query the server rejects. */
    static final String SYNTAX_ERROR = "-Syntax error at offset 8 near nosuch\r\n";

    static <T extends CommandOutput<?, ?, ?>> List<T> decodeSplitEverywhere(String reply, Supplier<T> outputs) {
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        List<T> decoded = new ArrayList<>();
        for (int split = 0; split <= bytes.length; split++) {
            T output = outputs.get();
            RedisStateMachine machine = new RedisStateMachine();
            ByteBuf buffer = Unpooled.buffer();
            try {
                buffer.writeBytes(bytes, 0, split);
                boolean done = machine.decode(buffer, output);
                assertThat(done).as("complete after %d of %d bytes", split, bytes.length).isEqualTo(split == bytes.length);
                if (!done) {
                    buffer.writeBytes(bytes, split, bytes.length - split);
                    assertThat(machine.decode(buffer, output)).as("complete after the rest").isTrue();
                }
            } finally {
                buffer.release();
                machine.close();
            }
            decoded.add(output);
        }
        return decoded;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aPageOfKeysKeepsTheKeysInOrderAndTheCursor() {
        for (CursorKeys page : decodeSplitEverywhere(KEYS_PAGE, () -> new CursorKeys(2))) {
            assertThat(page.keys()).extracting(CursorRepliesUnitTests::utf8).containsExactly("u:4", "u:3");
            assertThat(page.cursor()).isEqualTo(2043608516L);
            assertThat(page.exhausted()).isFalse();
        }
    }

    static String value(RawBatch batch, int row, int column) {
        int length = batch.valueLength(row, column);
        return length == RawBatch.MISSING ? null
                : new String(batch.data(), batch.valueOffset(row, column), length, StandardCharsets.UTF_8);
    }

    @Test
    void aPageOfRowsPutsEachValueInTheColumnOfItsNameAndListsAsJson() {
        FieldIndex columns = new FieldIndex(List.of("s".getBytes(), "city".getBytes(), "names".getBytes()));
        for (CursorRows page : decodeSplitEverywhere(GROUPS_PAGE, () -> new CursorRows(columns, 3, 2))) {
            RawBatch batch = page.batch();
            assertThat(batch.rowCount()).isEqualTo(4);
            assertThat(page.exhausted()).isTrue();
            assertThat(batch.keyLength(0)).isZero();
            assertThat(value(batch, 0, 0)).isEqualTo("2.25");
            assertThat(value(batch, 0, 1)).isEqualTo("New York");
            assertThat(value(batch, 0, 2)).isEqualTo("[\"Bob\"]");
            assertThat(value(batch, 2, 0)).isEqualTo("12345678901234568");
            assertThat(value(batch, 2, 2)).isEqualTo("[\"Dee\",\"q\\\"\\\\\\u0009\"]");
            assertThat(value(batch, 3, 0)).as("nil").isNull();
            assertThat(value(batch, 3, 1)).isEqualTo("x{y}|z");
            assertThat(value(batch, 3, 2)).isEqualTo("[]");
        }
    }

    @Test
    void anEmptyLastPageEndsTheCursor() {
        for (CursorRows page : decodeSplitEverywhere(EMPTY_LAST_PAGE,
                () -> new CursorRows(new FieldIndex(List.of("a".getBytes())), 1, 1))) {
            assertThat(page.batch().rowCount()).isZero();
            assertThat(page.exhausted()).isTrue();
        }
        for (CursorKeys page : decodeSplitEverywhere(EMPTY_LAST_PAGE, () -> new CursorKeys(1))) {
            assertThat(page.keys()).isEmpty();
            assertThat(page.cursor()).isZero();
        }
    }

    @Test
    void anErrorReplyIsKeptForTheCommand() {
        for (CursorKeys page : decodeSplitEverywhere(SYNTAX_ERROR, () -> new CursorKeys(1))) {
            assertThat(page.hasError()).isTrue();
            assertThat(page.getError()).isEqualTo("Syntax error at offset 8 near nosuch");
        }
    }
}
