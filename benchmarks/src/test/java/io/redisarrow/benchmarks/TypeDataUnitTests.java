package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

class TypeDataUnitTests {

    /** The commands {@link TypeData#write} wrote, each as its arguments. */
    static List<List<String>> commands(TypeData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            data.write(new DataLoader.Resp(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return parse(bytes.toByteArray());
    }

    /** Parses RESP arrays of bulk strings, failing on anything else. */
    static List<List<String>> parse(byte[] resp) {
        List<List<String>> commands = new ArrayList<>();
        int[] at = { 0 };
        while (at[0] < resp.length) {
            assertThat((char) resp[at[0]]).as("array header at %d", at[0]).isEqualTo('*');
            int parts = header(resp, at);
            List<String> command = new ArrayList<>(parts);
            for (int i = 0; i < parts; i++) {
                assertThat((char) resp[at[0]]).as("bulk header at %d", at[0]).isEqualTo('$');
                int length = header(resp, at);
                command.add(new String(resp, at[0], length, StandardCharsets.UTF_8));
                at[0] += length;
                assertThat(new String(resp, at[0], 2, StandardCharsets.US_ASCII)).isEqualTo("\r\n");
                at[0] += 2;
            }
            commands.add(command);
        }
        return commands;
    }

    private static int header(byte[] resp, int[] at) {
        int end = at[0];
        while (resp[end] != '\r') {
            end++;
        }
        int value = Integer.parseInt(new String(resp, at[0] + 1, end - at[0] - 1, StandardCharsets.US_ASCII));
        at[0] = end + 2;
        return value;
    }

    /** @return key -> elements, in command order, from SADD/RPUSH/ZADD commands (scores left out) */
    private static Map<String, List<String>> members(List<List<String>> commands) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (List<String> command : commands) {
            List<String> into = keys.computeIfAbsent(command.get(1), k -> new ArrayList<>());
            boolean scored = command.get(0).equals("ZADD");
            for (int i = 2; i < command.size(); i += scored ? 2 : 1) {
                into.add(command.get(scored ? i + 1 : i));
            }
        }
        return keys;
    }

    @Test
    void stringsAreOneSetPerKeyOfAPriceWithTwoDecimals() {
        TypeData data = new TypeData(TypeData.Kind.STRINGS, TypeData.Shape.SMALL_KEYS, 25);

        List<List<String>> commands = commands(data);

        assertThat(commands).hasSize(25).hasSize((int) data.commands());
        assertThat(data.keys()).isEqualTo(25);
        for (int k = 0; k < 25; k++) {
            assertThat(commands.get(k)).hasSize(3);
            assertThat(commands.get(k).get(0)).isEqualTo("SET");
            assertThat(commands.get(k).get(1)).isEqualTo(data.key(k)).isEqualTo(String.format("bench:t:string:s:%09d", k));
            assertThat(commands.get(k).get(2)).matches("\\d{1,5}\\.\\d\\d");
        }
        assertThat(data.pattern()).isEqualTo("bench:t:string:s:*");
    }

    @Test
    void theFirstCommandIsExactRespBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TypeData(TypeData.Kind.STRINGS, TypeData.Shape.SMALL_KEYS, 1).write(new DataLoader.Resp(bytes));
        String resp = bytes.toString(StandardCharsets.US_ASCII);
        String value = commands(new TypeData(TypeData.Kind.STRINGS, TypeData.Shape.SMALL_KEYS, 1)).get(0).get(2);

        assertThat(resp).isEqualTo("*3\r\n$3\r\nSET\r\n$26\r\nbench:t:string:s:000000000\r\n$" + value.length() + "\r\n"
                + value + "\r\n");
    }

    @Test
    void smallCollectionsHoldTenElementsPerKeyAndTheLastKeyTheRest() {
        for (TypeData.Kind kind : List.of(TypeData.Kind.SETS, TypeData.Kind.LISTS, TypeData.Kind.SORTED_SETS)) {
            TypeData data = new TypeData(kind, TypeData.Shape.SMALL_KEYS, 95);

            Map<String, List<String>> keys = members(commands(data));

            assertThat(data.keys()).as(kind.label).isEqualTo(10);
            assertThat(data.commands()).as(kind.label).isEqualTo(10);
            assertThat(keys).as(kind.label).hasSize(10);
            assertThat(keys.keySet()).as(kind.label).containsExactly(java.util.stream.IntStream.range(0, 10)
                    .mapToObj(data::key).toArray(String[]::new));
            keys.values().stream().limit(9).forEach(members -> assertThat(members).hasSize(TypeData.PER_KEY));
            assertThat(keys.get(data.key(9))).as(kind.label).hasSize(5);
            assertThat(data.key(3)).startsWith("bench:t:" + kind.typeName + ":s:");
        }
    }

    @Test
    void membersAreEightToSixteenBytesAndUniqueInABigKey() {
        TypeData data = new TypeData(TypeData.Kind.SETS, TypeData.Shape.BIG_KEY, 2_500);

        List<List<String>> commands = commands(data);
        List<String> members = members(commands).get(data.key(0));

        assertThat(commands).hasSize(3).hasSize((int) data.commands());
        assertThat(commands.get(0)).hasSize(2 + TypeData.CHUNK);
        assertThat(commands.get(2)).hasSize(2 + 500);
        assertThat(data.keys()).isEqualTo(1);
        assertThat(data.pattern()).isEqualTo(data.key(0)).isEqualTo("bench:t:set:big");
        assertThat(members).hasSize(2_500);
        assertThat(new HashSet<>(members)).hasSize(2_500);
        assertThat(members).allSatisfy(member -> assertThat(member.length()).isBetween(8, 16));
    }

    @Test
    void sortedSetsPairADoubleScoreWithEachMember() {
        List<List<String>> commands = commands(new TypeData(TypeData.Kind.SORTED_SETS, TypeData.Shape.BIG_KEY, 1_200));

        assertThat(commands).hasSize(2);
        assertThat(commands.get(0).get(0)).isEqualTo("ZADD");
        assertThat(commands.get(0)).hasSize(2 + 2 * TypeData.CHUNK);
        for (List<String> command : commands) {
            for (int i = 2; i < command.size(); i += 2) {
                assertThat(Double.parseDouble(command.get(i))).isBetween(-1e6, 1e6);
                assertThat(command.get(i + 1)).matches("[a-z]+-[0-9a-z]+");
            }
        }
    }

    @Test
    void listsPushInElementOrder() {
        List<List<String>> commands = commands(new TypeData(TypeData.Kind.LISTS, TypeData.Shape.SMALL_KEYS, 20));

        assertThat(commands).extracting(c -> c.get(0)).containsOnly("RPUSH");
        assertThat(commands.get(0).get(2)).endsWith("-0");
        assertThat(commands.get(0).get(11)).endsWith("-9");
        assertThat(commands.get(1).get(2)).endsWith("-a");
    }

    @Test
    void streamEntriesHaveIncreasingIdsPerKeyAndThreeTypedFields() {
        TypeData small = new TypeData(TypeData.Kind.STREAMS, TypeData.Shape.SMALL_KEYS, 23);
        List<List<String>> commands = commands(small);

        assertThat(commands).hasSize(23).hasSize((int) small.commands());
        assertThat(small.keys()).isEqualTo(3);
        assertThat(commands.get(0).subList(0, 3)).containsExactly("XADD", small.key(0), "1700000000000-0");
        assertThat(commands.get(9).subList(1, 3)).containsExactly(small.key(0), "1700000000009-0");
        assertThat(commands.get(10).subList(1, 3)).containsExactly(small.key(1), "1700000000000-0");
        assertThat(commands.get(22).subList(1, 3)).containsExactly(small.key(2), "1700000000002-0");
        for (List<String> command : commands) {
            assertThat(command).hasSize(9);
            assertThat(List.of(command.get(3), command.get(5), command.get(7))).isEqualTo(TypeData.STREAM_FIELDS);
            assertThat(Long.parseLong(command.get(4))).isPositive();
            assertThat(command.get(6)).matches("\\d{1,5}\\.\\d\\d");
            assertThat(command.get(8)).matches("[A-Z]{2,4}");
        }
        List<List<String>> big = commands(new TypeData(TypeData.Kind.STREAMS, TypeData.Shape.BIG_KEY, 12));
        assertThat(big.get(11).subList(1, 3)).containsExactly("bench:t:stream:big", "1700000000011-0");
    }

    @Test
    void theSameDataSetIsWrittenByteForByteAgainAndDiffersBetweenTypes() {
        TypeData data = new TypeData(TypeData.Kind.LISTS, TypeData.Shape.SMALL_KEYS, 50);

        assertThat(commands(data)).isEqualTo(commands(data));
        Set<String> list = new HashSet<>(members(commands(data)).values().iterator().next());
        Set<String> set = new HashSet<>(members(commands(new TypeData(TypeData.Kind.SETS, TypeData.Shape.SMALL_KEYS, 50)))
                .values().iterator().next());
        assertThat(list).isNotEqualTo(set);
    }

    @Test
    void everyTypeHasSmallKeysAndAllButStringsABigKey() {
        assertThat(TypeData.all(100)).extracting(d -> d.kind().label + "/" + d.shape().label).containsExactly(
                "strings/small keys", "sets/small keys", "sets/one big key", "lists/small keys", "lists/one big key",
                "sorted sets/small keys", "sorted sets/one big key", "streams/small keys", "streams/one big key");
        assertThat(TypeData.all(100)).extracting(TypeData::pattern).doesNotHaveDuplicates();
    }

    @Test
    void aBigStringOrNoElementsIsRefused() {
        assertThatThrownBy(() -> new TypeData(TypeData.Kind.STRINGS, TypeData.Shape.BIG_KEY, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strings have no big-key data set");
        assertThatThrownBy(() -> new TypeData(TypeData.Kind.SETS, TypeData.Shape.SMALL_KEYS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("elements must be at least 1, not 0");
    }

    @Test
    void labelsNameTheShape() {
        assertThat(new TypeData(TypeData.Kind.SETS, TypeData.Shape.SMALL_KEYS, 1_000_000).label())
                .isEqualTo("sets, 100,000 keys x 10");
        assertThat(new TypeData(TypeData.Kind.STREAMS, TypeData.Shape.BIG_KEY, 1_000_000).label())
                .isEqualTo("streams, one key of 1,000,000");
        assertThat(new TypeData(TypeData.Kind.STRINGS, TypeData.Shape.SMALL_KEYS, 20_000).label())
                .isEqualTo("strings, 20,000 keys");
    }
}
