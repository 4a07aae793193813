package io.redisarrow.core.internal.cluster;

import io.lettuce.core.cluster.SlotHash;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteReply;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts a cluster write routes by: each unit's byte range and hash slot as a batch records
 * them, and the node a MOVED or ASK reply names.
 */
class ClusterWritePartsUnitTests {

    @Test
    void aUnitsSlotIsItsKeysAsRedisComputesIt() {
        List<String> keys = List.of("user:1", "{user}:1", "a{user}b", "{}user", "{user", "user}", "{a}{b}", "{{a}}",
                "x{}{y}", "", "ü{ü}", "{", "}{a}", "plain key with spaces");
        WriteBatch batch = new WriteBatch(keys.size(), 1, 16);
        try {
            for (String key : keys) {
                byte[] padded = ("{pad}" + key + "{pad}").getBytes(StandardCharsets.UTF_8);
                int length = key.getBytes(StandardCharsets.UTF_8).length;
                batch.unit(WriteReply.APPLIED, 0, padded, 5, length, 1);
            }
            for (int unit = 0; unit < keys.size(); unit++) {
                assertThat(batch.slot(unit)).as(keys.get(unit))
                        .isEqualTo(SlotHash.getSlot(keys.get(unit).getBytes(StandardCharsets.UTF_8)));
            }
        } finally {
            batch.release();
        }
    }

    @Test
    void aUnitsCommandsAreTheBytesAppendedSinceTheUnitBefore() {
        WriteBatch batch = new WriteBatch(3, 1, 16);
        try {
            byte[] key = { 'k' };
            batch.commands().writeBytes(new byte[7]);
            batch.unit(WriteReply.APPLIED, 0, key, 0, 1, 1);
            batch.commands().writeBytes(new byte[30]);
            batch.unit(WriteReply.TRANSACTION, 2, key, 0, 1, 1);
            batch.unit(WriteReply.APPLIED, 0, key, 0, 1, 1);
            batch.commands().writeBytes(new byte[1]);
            batch.unit(WriteReply.APPLIED, 0, key, 0, 1, 1);
            assertThat(List.of(batch.unitStart(0), batch.unitEnd(0), batch.unitStart(1), batch.unitEnd(1),
                    batch.unitStart(2), batch.unitEnd(2), batch.unitStart(3), batch.unitEnd(3)))
                    .containsExactly(0, 7, 7, 37, 37, 37, 37, 38);
        } finally {
            batch.release();
        }
    }

    @Test
    void redirectsNameTheirNode() {
        ClusterNode answered = new ClusterNode("id", "10.0.0.5", 7000);
        assertThat(Redirect.parse("MOVED 3999 127.0.0.1:6381", answered))
                .isEqualTo(new Redirect(new ClusterNode("", "127.0.0.1", 6381), false));
        assertThat(Redirect.parse("ASK 3999 127.0.0.1:6381", answered))
                .isEqualTo(new Redirect(new ClusterNode("", "127.0.0.1", 6381), true));
        assertThat(Redirect.parse("MOVED 3999 :6381", answered))
                .as("an empty host is the answering node's").isEqualTo(new Redirect(new ClusterNode("", "10.0.0.5", 6381), false));
        assertThat(Redirect.parse("MOVED 3999 ::1:6381", answered)).isEqualTo(new Redirect(new ClusterNode("", "::1", 6381),
                false));
        assertThat(Redirect.parse("MOVED 3999 redis-2.local:6379", null).node().address()).isEqualTo("redis-2.local:6379");
        for (String none : List.of("WRONGTYPE Operation", "MOVED", "MOVED 3999", "MOVED 3999 host", "MOVED 3999 host:x",
                "MOVED 3999 ?:6379", "MOVED 3999 host:0", "ASKING", "TRYAGAIN Multiple keys")) {
            assertThat(Redirect.parse(none, answered)).as(none).isNull();
        }
        assertThat(Redirect.parse("MOVED 3999 :6381", null)).isNull();
    }
}
