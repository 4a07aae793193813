package io.redisarrow.arrow.internal.write;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Grouping a batch's rows by key: first-appearance order, row order inside a group, rows left
 * out, and keys that look alike.
 */
class KeyGroupsUnitTests {

    /** Keys from byte arrays, in one scratch reused for every row as the real key readers do. */
    private static RowKeys keys(byte[]... keys) {
        KeyBytes scratch = new KeyBytes();
        return row -> {
            if (keys[row] == null) {
                throw new IllegalArgumentException("row " + row + " has a null key");
            }
            scratch.clear();
            scratch.append(keys[row], 0, keys[row].length);
            return scratch;
        };
    }

    private static RowKeys keys(String... keys) {
        byte[][] bytes = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            bytes[i] = keys[i] == null ? null : keys[i].getBytes(StandardCharsets.UTF_8);
        }
        return keys(bytes);
    }

    private static byte[] key(KeyGroups groups, int group) {
        int offset = groups.keyOffset(group);
        return Arrays.copyOfRange(groups.keyBytes(), offset, offset + groups.keyLength(group));
    }

    /** @return key → its rows, in group order */
    private static Map<String, List<Integer>> asMap(KeyGroups groups) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int g = 0; g < groups.count(); g++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < groups.size(g); i++) {
                rows.add(groups.row(g, i));
            }
            assertThat(groups.lastRow(g)).isEqualTo(rows.get(rows.size() - 1));
            out.put(new String(key(groups, g), StandardCharsets.UTF_8), rows);
        }
        return out;
    }

    @Test
    void groupsKeysInFirstAppearanceOrderAndRowsInRowOrder() {
        KeyGroups groups = KeyGroups.of(keys("b", "a", "b", "c", "a", "b"), 6, row -> false);
        assertThat(asMap(groups)).containsExactly(Map.entry("b", List.of(0, 2, 5)), Map.entry("a", List.of(1, 4)),
                Map.entry("c", List.of(3)));
        assertThat(groups.leftOut()).isZero();
    }

    @Test
    void rowsLeftOutBelongToNoGroupAndAKeyWithOnlySuchRowsHasNone() {
        Set<Integer> nullMembers = Set.of(1, 2, 4);
        KeyGroups groups = KeyGroups.of(keys("a", "b", "c", "a", "b"), 5, nullMembers::contains);
        assertThat(asMap(groups)).containsExactly(Map.entry("a", List.of(0, 3)));
        assertThat(groups.leftOut()).isEqualTo(3);
    }

    @Test
    void aNullKeyFailsEvenInARowLeftOut() {
        assertThatThrownBy(() -> KeyGroups.of(keys("a", null), 2, row -> row == 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
    }

    @Test
    void keysWithTheSameHashCodeOrPrefixesStayApart() {
        // "Aa" and "BB" share String.hashCode; "a" is a prefix of "ab".
        KeyGroups groups = KeyGroups.of(keys("Aa", "BB", "a", "ab", "BB", "Aa", "ab"), 7, row -> false);
        assertThat(asMap(groups)).containsExactly(Map.entry("Aa", List.of(0, 5)), Map.entry("BB", List.of(1, 4)),
                Map.entry("a", List.of(2)), Map.entry("ab", List.of(3, 6)));
    }

    @Test
    void binaryKeysCompareByTheirBytes() {
        byte[] one = { 0, (byte) 0xff, '\r', '\n' };
        byte[] other = { 0, (byte) 0xff, '\r' };
        KeyGroups groups = KeyGroups.of(keys(one, other, one.clone()), 3, row -> false);
        assertThat(groups.count()).isEqualTo(2);
        assertThat(key(groups, 0)).isEqualTo(one);
        assertThat(key(groups, 1)).isEqualTo(other);
        assertThat(groups.size(0)).isEqualTo(2);
    }

    @Test
    void manyKeysGroupLikeAnOrderedMap() {
        int rows = 50_000;
        String[] keys = new String[rows];
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        for (int row = 0; row < rows; row++) {
            // 7919 distinct keys of varied length, revisited out of order
            keys[row] = "k:" + "x".repeat(row % 3) + ((row * 31L) % 7919);
            expected.computeIfAbsent(keys[row], k -> new ArrayList<>()).add(row);
        }
        KeyGroups groups = KeyGroups.of(keys(keys), rows, row -> false);
        assertThat(groups.count()).isEqualTo(expected.size());
        assertThat(asMap(groups)).containsExactlyEntriesOf(expected);
    }

    @Test
    void anEmptyBatchHasNoGroups() {
        KeyGroups groups = KeyGroups.of(keys(new String[0]), 0, row -> false);
        assertThat(groups.count()).isZero();
        assertThat(groups.leftOut()).isZero();
    }
}
