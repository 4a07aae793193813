package io.redisarrow.core.internal.command;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact bytes of every command the read path builds, with no server: what Redis receives.
 */
class CommandBytesUnitTests {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String encoded(Consumer<ByteBuf> writer) {
        ByteBuf out = Unpooled.buffer();
        try {
            writer.accept(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        } finally {
            out.release();
        }
    }

    @Test
    void jsonGetRepeatsThePathsEncodedOnce() {
        JsonCommands commands = new JsonCommands(List.of(bytes("$.name"), bytes("$[\"\u00e9 x\"]")));
        assertThat(encoded(out -> {
            commands.get(out, bytes("doc:1"));
            commands.get(out, new byte[] { 0, (byte) 0xff });
        })).isEqualTo("*4\r\n$8\r\nJSON.GET\r\n$5\r\ndoc:1\r\n$6\r\n$.name\r\n$9\r\n$[\"\u00c3\u00a9 x\"]\r\n"
                + "*4\r\n$8\r\nJSON.GET\r\n$2\r\n\u0000\u00ff\r\n$6\r\n$.name\r\n$9\r\n$[\"\u00c3\u00a9 x\"]\r\n");
        assertThat(commands.overhead()).isEqualTo(32 + 12 + 15);
    }

    @Test
    void jsonMgetNamesEveryKeyThenThePath() {
        JsonCommands commands = new JsonCommands(List.of(bytes("$")));
        assertThat(encoded(out -> commands.mget(out, List.of(bytes("a"), bytes("\u00e9")))))
                .isEqualTo("*4\r\n$9\r\nJSON.MGET\r\n$1\r\na\r\n$2\r\n\u00c3\u00a9\r\n$1\r\n$\r\n");
    }

    @Test
    void getOfAnyKey() {
        assertThat(encoded(out -> {
            StringCommands.get(out, bytes("price:1"));
            StringCommands.get(out, new byte[] { 0, '\r', '\n', (byte) 0xff });
            StringCommands.get(out, bytes("0123456789\u00e9"));
        })).isEqualTo("*2\r\n$3\r\nGET\r\n$7\r\nprice:1\r\n"
                + "*2\r\n$3\r\nGET\r\n$4\r\n\u0000\r\n\u00ff\r\n"
                + "*2\r\n$3\r\nGET\r\n$12\r\n0123456789\u00c3\u00a9\r\n");
    }

    @Test
    void mgetNamesEveryKeyInOrder() {
        assertThat(encoded(out -> StringCommands.mget(out, List.of(bytes("a"), new byte[] { 0, (byte) 0xff },
                bytes("\u00e9"), new byte[0]))))
                .isEqualTo("*5\r\n$4\r\nMGET\r\n$1\r\na\r\n$2\r\n\u0000\u00ff\r\n$2\r\n\u00c3\u00a9\r\n$0\r\n\r\n");
    }

    @Test
    void mgetOfTenOrMoreKeysHasAMultiDigitCount() {
        List<byte[]> keys = new java.util.ArrayList<>();
        StringBuilder expected = new StringBuilder("*11\r\n$4\r\nMGET\r\n");
        for (int i = 0; i < 10; i++) {
            keys.add(bytes("k" + i));
            expected.append("$2\r\nk").append(i).append("\r\n");
        }
        assertThat(encoded(out -> StringCommands.mget(out, keys))).isEqualTo(expected.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> encoded(out -> StringCommands.mget(out, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one key");
    }

    @Test
    void hgetall() {
        assertThat(encoded(out -> HashCommands.hgetall(out, bytes("user:1"))))
                .isEqualTo("*2\r\n$7\r\nHGETALL\r\n$6\r\nuser:1\r\n");
    }

    @Test
    void hmgetRepeatsTheFieldsEncodedOnce() {
        HashCommands commands = new HashCommands(List.of(bytes("name"), bytes("é"), bytes("")));
        assertThat(encoded(out -> {
            commands.hmget(out, bytes("k"));
            commands.hmget(out, new byte[] { 0, (byte) 0xff });
        })).isEqualTo("*5\r\n$5\r\nHMGET\r\n$1\r\nk\r\n$4\r\nname\r\n$2\r\n\u00c3\u00a9\r\n$0\r\n\r\n"
                + "*5\r\n$5\r\nHMGET\r\n$2\r\n\u0000\u00ff\r\n$4\r\nname\r\n$2\r\n\u00c3\u00a9\r\n$0\r\n\r\n");
    }

    @Test
    void ttlAndExists() {
        assertThat(encoded(out -> {
            KeyCommands.ttl(out, bytes("a b"));
            KeyCommands.exists(out, bytes("k\r\n"));
        })).isEqualTo("*2\r\n$3\r\nTTL\r\n$3\r\na b\r\n*2\r\n$6\r\nEXISTS\r\n$3\r\nk\r\n\r\n");
    }

    @Test
    void aKeyOfTenOrMoreBytesHasAMultiDigitLength() {
        assertThat(encoded(out -> KeyCommands.ttl(out, bytes("0123456789abc"))))
                .isEqualTo("*2\r\n$3\r\nTTL\r\n$13\r\n0123456789abc\r\n");
    }

    @Test
    void authWithAndWithoutUserSelectAndPing() {
        assertThat(encoded(out -> {
            ConnectionCommands.auth(out, null, "s3cr\u00e9t".toCharArray());
            ConnectionCommands.auth(out, "reader", "pw".toCharArray());
            ConnectionCommands.select(out, 12);
            ConnectionCommands.ping(out);
        })).isEqualTo("*2\r\n$4\r\nAUTH\r\n$7\r\ns3cr\u00c3\u00a9t\r\n"
                + "*3\r\n$4\r\nAUTH\r\n$6\r\nreader\r\n$2\r\npw\r\n"
                + "*2\r\n$6\r\nSELECT\r\n$2\r\n12\r\n*1\r\n$4\r\nPING\r\n");
    }

    @Test
    void readOnlyAndAskingForClusterNodes() {
        String asking = encoded(ConnectionCommands::asking);
        assertThat(asking).isEqualTo("*1\r\n$6\r\nASKING\r\n");
        assertThat(asking.length()).isEqualTo(ConnectionCommands.ASKING_BYTES);
        assertThat(encoded(ConnectionCommands::readOnly)).isEqualTo("*1\r\n$8\r\nREADONLY\r\n");
    }

    @Test
    void scanWithAndWithoutType() {
        assertThat(lettuce(ScanCommands.scan(bytes("0"), bytes("user:*"), 4000, "hash")))
                .isEqualTo("*8\r\n$4\r\nSCAN\r\n$1\r\n0\r\n$5\r\nMATCH\r\n$6\r\nuser:*\r\n$5\r\nCOUNT\r\n$4\r\n4000\r\n"
                        + "$4\r\nTYPE\r\n$4\r\nhash\r\n");
        assertThat(lettuce(ScanCommands.scan(bytes("1234"), bytes("*"), 10, null)))
                .isEqualTo("*6\r\n$4\r\nSCAN\r\n$4\r\n1234\r\n$5\r\nMATCH\r\n$1\r\n*\r\n$5\r\nCOUNT\r\n$2\r\n10\r\n");
    }

    static String lettuce(io.lettuce.core.protocol.CommandArgs<byte[], byte[]> args) {
        return encoded(out -> new Command<>(CommandType.SCAN, new StatusOutput<>(ByteArrayCodec.INSTANCE), args)
                .encode(out));
    }

    @Test
    void searchCursorCommands() {
        assertThat(lettuce(SearchCommands.aggregate("idx", java.util.List.of("@t:{a}", "LOAD", "1", "@__key"), 500, 0))
                .substring("*14\r\n$4\r\nSCAN\r\n".length())).isEqualTo("$3\r\nidx\r\n$6\r\n@t:{a}\r\n$4\r\nLOAD\r\n"
                        + "$1\r\n1\r\n$6\r\n@__key\r\n$7\r\nTIMEOUT\r\n$1\r\n0\r\n$10\r\nWITHCURSOR\r\n$5\r\nCOUNT\r\n"
                        + "$3\r\n500\r\n");
        assertThat(lettuce(SearchCommands.aggregate("idx", java.util.List.of("*"), 10, 2500))).endsWith(
                "$1\r\n*\r\n$7\r\nTIMEOUT\r\n$1\r\n0\r\n$10\r\nWITHCURSOR\r\n$5\r\nCOUNT\r\n$2\r\n10\r\n"
                        + "$7\r\nMAXIDLE\r\n$4\r\n2500\r\n");
        assertThat(lettuce(SearchCommands.read("idx", 123456789L, 10))).endsWith(
                "$4\r\nREAD\r\n$3\r\nidx\r\n$9\r\n123456789\r\n$5\r\nCOUNT\r\n$2\r\n10\r\n");
        assertThat(lettuce(SearchCommands.delete("idx", 42L))).endsWith("$3\r\nDEL\r\n$3\r\nidx\r\n$2\r\n42\r\n");
        assertThat(lettuce(SearchCommands.info("\u00efdx"))).endsWith("$4\r\n\u00c3\u00afdx\r\n");
    }

    @Test
    void collectionSizeCommands() {
        assertThat(encoded(out -> {
            for (io.redisarrow.core.CollectionValues.Kind kind : io.redisarrow.core.CollectionValues.Kind.values()) {
                CollectionCommands.size(out, kind, bytes("k"));
            }
        })).isEqualTo("*2\r\n$5\r\nSCARD\r\n$1\r\nk\r\n*2\r\n$4\r\nLLEN\r\n$1\r\nk\r\n"
                + "*2\r\n$5\r\nZCARD\r\n$1\r\nk\r\n*2\r\n$4\r\nXLEN\r\n$1\r\nk\r\n");
        assertThat(java.util.Arrays.stream(io.redisarrow.core.CollectionValues.Kind.values())
                .map(CollectionCommands::sizeCommand)).containsExactly("SCARD", "LLEN", "ZCARD", "XLEN");
    }

    @Test
    void collectionWindowCommands() {
        assertThat(encoded(out -> CollectionCommands.smembers(out, new byte[] { 0, (byte) 0xff })))
                .isEqualTo("*2\r\n$8\r\nSMEMBERS\r\n$2\r\n\u0000\u00ff\r\n");
        assertThat(encoded(out -> CollectionCommands.sscan(out, bytes("set"), bytes("1234567"), 500)))
                .isEqualTo("*5\r\n$5\r\nSSCAN\r\n$3\r\nset\r\n$7\r\n1234567\r\n$5\r\nCOUNT\r\n$3\r\n500\r\n");
        assertThat(encoded(out -> CollectionCommands.lrange(out, bytes("l"), 9_999_999_998L, 10_000_000_997L)))
                .isEqualTo("*4\r\n$6\r\nLRANGE\r\n$1\r\nl\r\n$10\r\n9999999998\r\n$11\r\n10000000997\r\n");
        assertThat(encoded(out -> CollectionCommands.zrange(out, bytes("z"), 0, 4999)))
                .isEqualTo("*5\r\n$6\r\nZRANGE\r\n$1\r\nz\r\n$1\r\n0\r\n$4\r\n4999\r\n$10\r\nWITHSCORES\r\n");
        assertThat(encoded(out -> CollectionCommands.xrange(out, bytes("é"), bytes("(1700000000000-18"), bytes("+"), 100)))
                .isEqualTo("*6\r\n$6\r\nXRANGE\r\n$2\r\n\u00c3\u00a9\r\n$17\r\n(1700000000000-18\r\n$1\r\n+\r\n"
                        + "$5\r\nCOUNT\r\n$3\r\n100\r\n");
        assertThat(encoded(out -> CollectionCommands.xrange(out, bytes("s"), bytes("-"), bytes("(5"), 1)))
                .isEqualTo("*6\r\n$6\r\nXRANGE\r\n$1\r\ns\r\n$1\r\n-\r\n$2\r\n(5\r\n$5\r\nCOUNT\r\n$1\r\n1\r\n");
    }
}
