package io.redisarrow.core.internal.fetch;

import io.lettuce.core.RedisURI;
import io.lettuce.core.XAddArgs;
import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.CollectionValues.Kind;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The collection fetch against a real server, with keys chosen by the test: sizes first, then
 * windows of at most the batch size, whole small keys, other types and gone keys skipped.
 */
class CollectionFetchIntegrationTests extends FetchTestSupport {

    @BeforeEach
    void otherType() {
        sync.set(prefix + "string", "v");
    }

    List<RawBatch> fetch(CollectionValues values, int batchSize, boolean withTtl, List<byte[]> keys,
            AtomicInteger otherTypes) {
        return onChannel(channel -> KeyBatchFetch.of(channel, values, batchSize, withTtl, Duration.ofSeconds(10),
                otherTypes::incrementAndGet).batches(keys).collectList());
    }

    List<RawBatch> fetch(CollectionValues values, int batchSize, List<byte[]> keys) {
        return fetch(values, batchSize, false, keys, new AtomicInteger());
    }

    @Test
    void listsComeInOrderWithPositionsAndWindowsNeverPassTheBatchSize() {
        for (int i = 0; i < 25; i++) {
            sync.rpush(prefix + "big", "e" + i);
        }
        sync.rpush(prefix + "small", "a", "b", "c");
        sync.rpush(prefix + "tiny", "x");
        List<RawBatch> batches = fetch(CollectionValues.of(Kind.LIST, false), 10,
                keys("small", "gone", "string", "big", "tiny"));
        List<String> expected = new ArrayList<>(List.of("small a 0", "small b 1", "small c 2"));
        for (int i = 0; i < 25; i++) {
            expected.add("big e" + i + " " + i);
        }
        expected.add("tiny x 0");
        assertThat(rows(batches)).containsExactlyElementsOf(expected);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.rowCount()).isBetween(1, 10));
    }

    @Test
    void aKeyThatFitsInABatchIsNeverSplit() {
        sync.rpush(prefix + "a", "1", "2", "3", "4", "5", "6");
        sync.rpush(prefix + "b", "1", "2", "3", "4", "5", "6");
        List<RawBatch> batches = fetch(CollectionValues.of(Kind.LIST, true), 10, keys("a", "b"));
        assertThat(batches).extracting(RawBatch::rowCount).containsExactly(6, 6);
    }

    @Test
    void sortedSetsComeByScoreThenMemberWithTheirScores() {
        sync.zadd(prefix + "z", 2.5, "b");
        sync.zadd(prefix + "z", 1, "z");
        sync.zadd(prefix + "z", 1, "a");
        sync.zadd(prefix + "z", Double.NEGATIVE_INFINITY, "low");
        for (int i = 0; i < 12; i++) {
            sync.zadd(prefix + "z", 100, String.format("m%02d", i));
        }
        List<RawBatch> batches = fetch(CollectionValues.of(Kind.SORTED_SET, false), 5, keys("z"));
        List<String> expected = new ArrayList<>(List.of("z low -inf", "z a 1", "z z 1", "z b 2.5"));
        for (int i = 0; i < 12; i++) {
            expected.add(String.format("z m%02d 100", i));
        }
        assertThat(rows(batches)).containsExactlyElementsOf(expected);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.rowCount()).isLessThanOrEqualTo(5));
    }

    @Test
    void setsAreReadWholeWhenSmallAndBySscanWhenLarge() {
        sync.sadd(prefix + "small", "a", "b");
        Set<String> members = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            members.add("member-" + i);
        }
        sync.sadd(prefix + "big", members.toArray(String[]::new));
        List<RawBatch> batches = fetch(CollectionValues.of(Kind.SET, false), 500, keys("small", "big"));
        List<String> rows = rows(batches);
        assertThat(rows.subList(0, 2)).containsExactlyInAnyOrder("small a", "small b");
        Set<String> big = new HashSet<>();
        for (String row : rows.subList(2, rows.size())) {
            big.add(row.substring("big ".length()));
        }
        assertThat(big).isEqualTo(members);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.rowCount()).isLessThanOrEqualTo(500));
    }

    @Test
    void aLargeSetIsReadOnlyAFewPagesAheadOfDemand() throws Exception {
        Set<String> members = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            members.add("member-" + i);
        }
        sync.sadd(prefix + "big", members.toArray(String[]::new));
        long before = calls("sscan");
        List<RawBatch> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        reactor.core.publisher.BaseSubscriber<RawBatch> oneBatch = new reactor.core.publisher.BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnNext(RawBatch batch) {
                received.add(batch);
            }
        };
        io.redisarrow.core.internal.channel.RedisChannel channel = new RedisEndpoint(RedisURI.create(server.url()),
                Duration.ofSeconds(5), loops).connect().block();
        try {
            KeyBatchFetch.of(channel, CollectionValues.of(Kind.SET, false), 500, false, Duration.ofSeconds(10), () -> { })
                    .batches(keys("big")).subscribe(oneBatch);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(500);
            assertThat(received).hasSize(1);
            assertThat(calls("sscan") - before).as("the page asked for, one buffered behind it, one sent ahead (an empty page asks for one more)")
                    .isBetween(2L, 4L);
            oneBatch.dispose();
        } finally {
            channel.close().block();
        }
    }

    @Test
    void streamsComeByIdWithTheirFieldsInColumnOrder() {
        for (int i = 1; i <= 7; i++) {
            sync.xadd(prefix + "s", new XAddArgs().id("100-" + i), Map.of("b", "B" + i, "a", "A" + i));
        }
        sync.xadd(prefix + "s", new XAddArgs().id("200-0"), Map.of("other", "x"));
        List<RawBatch> batches = fetch(CollectionValues.stream(List.of("a", "b"), "-", "+", Long.MAX_VALUE), 3,
                keys("s", "string"));
        assertThat(rows(batches)).containsExactly("s 100 1 A1 B1", "s 100 2 A2 B2", "s 100 3 A3 B3",
                "s 100 4 A4 B4", "s 100 5 A5 B5", "s 100 6 A6 B6", "s 100 7 A7 B7", "s 200 0 - -");
        assertThat(batches).allSatisfy(batch -> assertThat(batch.rowCount()).isLessThanOrEqualTo(3));
    }

    @Test
    void streamRangesAndCountsApplyPerKey() {
        for (int i = 1; i <= 9; i++) {
            sync.xadd(prefix + "s", new XAddArgs().id("100-" + i), Map.of("a", "A" + i));
        }
        assertThat(rows(fetch(CollectionValues.stream(List.of("a"), "(100-2", "100-8", 4), 2, keys("s"))))
                .containsExactly("s 100 3 A3", "s 100 4 A4", "s 100 5 A5", "s 100 6 A6");
        assertThat(rows(fetch(CollectionValues.stream(List.of("a"), "100-7", "(100-9", Long.MAX_VALUE), 100,
                keys("s")))).containsExactly("s 100 7 A7", "s 100 8 A8");
    }

    @Test
    void anEmptyStreamGivesNoRows() {
        String id = sync.xadd(prefix + "s", Map.of("a", "1"));
        sync.xdel(prefix + "s", id);
        assertThat(sync.exists(prefix + "s")).isEqualTo(1);
        assertThat(rows(fetch(CollectionValues.stream(List.of("a"), "-", "+", Long.MAX_VALUE), 10, keys("s"))))
                .isEmpty();
    }

    @Test
    void otherTypesAreSkippedAndReportedAndTtlsCome() {
        sync.sadd(prefix + "set", "m");
        sync.expire(prefix + "set", 500);
        AtomicInteger otherTypes = new AtomicInteger();
        List<RawBatch> batches = fetch(CollectionValues.of(Kind.SET, false), 10, true, keys("string", "set", "gone"),
                otherTypes);
        assertThat(rows(batches)).containsExactly("set m ttl=+");
        assertThat(otherTypes).hasValue(1);
    }

    @Test
    void anErrorOtherThanWrongTypeFailsNamingTheCommandAndKey() {
        sync.xadd(prefix + "s", Map.of("a", "1"));
        String user = prefix.replace(':', '-') + "reader";
        sync.aclSetuser(user, io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("pw").allKeys().allCommands()
                .removeCommand(io.lettuce.core.protocol.CommandType.XRANGE));
        try {
            RedisURI uri = RedisURI.builder(RedisURI.create(server.url())).withAuthentication(user, "pw").build();
            assertThatThrownBy(() -> new RedisEndpoint(uri, Duration.ofSeconds(5), loops).connect()
                    .flatMap(channel -> KeyBatchFetch.of(channel, CollectionValues.stream(List.of("a"), "-", "+",
                            Long.MAX_VALUE), 10, false, Duration.ofSeconds(10), () -> { }).batches(keys("s"))
                            .collectList().doFinally(signal -> channel.close().subscribe()))
                    .block())
                    .hasMessageContaining("XRANGE " + prefix + "s failed: NOPERM");
        } finally {
            sync.aclDeluser(user);
        }
    }
}
