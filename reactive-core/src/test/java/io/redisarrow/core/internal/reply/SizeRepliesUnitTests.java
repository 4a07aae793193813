package io.redisarrow.core.internal.reply;

import io.redisarrow.core.internal.resp.RespFeed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads recorded replies of a collection read's first round trip (a size per key, and its TTL when
 * asked), whole and split at every byte: sizes and TTLs in key order, WRONGTYPE as size 0 and
 * counted, the first other error kept with its key.
 */
class SizeRepliesUnitTests {

    static final String WRONGTYPE = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";

    @Test
    void sizesAndTtlsInKeyOrder() {
        String replies = ":3\r\n:-1\r\n" + ":0\r\n:-2\r\n" + WRONGTYPE + ":100\r\n" + ":9223372036854775807\r\n:5\r\n"
                + "-ERR odd\r\n:7\r\n" + ":12\r\n-ERR ttl refused\r\n" + "-ERR later\r\n:1\r\n";
        assertEveryCut(replies, 7, true, List.of("sizes [3, 0, 0, 9223372036854775807, 0, 12, 0]",
                "ttls [-1, -2, 100, 5, 7, -2, 1]", "other types 1", "error at key 4: ERR odd"));
    }

    @Test
    void sizesWithoutTtls() {
        assertEveryCut(":1\r\n" + WRONGTYPE + WRONGTYPE + ":1000000\r\n", 4, false,
                List.of("sizes [1, 0, 0, 1000000]", "ttls []", "other types 2"));
    }

    static void assertEveryCut(String replies, int keys, boolean withTtl, List<String> expected) {
        byte[] all = replies.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < all.length; cut++) {
            assertThat(read(all, new int[] { cut }, keys, withTtl)).as("split at %d", cut)
                    .containsExactlyElementsOf(expected);
        }
        int[] everyByte = new int[all.length - 1];
        Arrays.setAll(everyByte, i -> i + 1);
        assertThat(read(all, everyByte, keys, withTtl)).containsExactlyElementsOf(expected);
        assertThat(read(all, new int[0], keys, withTtl)).containsExactlyElementsOf(expected);
    }

    static List<String> read(byte[] all, int[] cuts, int keys, boolean withTtl) {
        SizeReplies replies = new SizeReplies(keys, withTtl);
        RespFeed.feed(all, cuts, replies);
        assertThat(replies.isComplete()).isTrue();
        assertThat(replies.future()).isCompleted();
        List<String> outcome = new ArrayList<>();
        outcome.add("sizes " + Arrays.toString(replies.sizes()));
        outcome.add("ttls " + Arrays.toString(replies.ttls()));
        if (replies.otherTypes() > 0) {
            outcome.add("other types " + replies.otherTypes());
        }
        if (replies.error() != null) {
            outcome.add("error at key " + replies.errorKey() + ": " + replies.error());
        }
        return outcome;
    }
}
