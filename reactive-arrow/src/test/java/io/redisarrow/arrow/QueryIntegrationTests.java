package io.redisarrow.arrow;

import io.redisarrow.arrow.Query.GeoUnit;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What RediSearch makes of the text {@link Query} writes: each query, run with
 * {@code FT.SEARCH ... DIALECT 2} on a real server, returns exactly the documents it should, with
 * values full of characters that are query syntax.
 */
@RequiresModule({ RedisModule.JSON, RedisModule.SEARCH })
class QueryIntegrationTests extends ScanTestSupport {

    /** Tag values that are query syntax, unicode, prefixes of one another, or differ by one character. */
    static final List<String> NASTY_TAGS = List.of(
            "Oslo", "New York", "new york", "a-b", "a b", "ab", "a_b", "a.b", "a\\b", "a\\", "\\", "\\\\",
            "abc", "abcd", "ab*", "{x}", "}", "{", "x|y", "|", "\"q\"", "'s", "*", "$x", "@x", "(p)", "(", ")",
            "what?", "?", "550e8400-e29b-41d4-a716-446655440000", "550e8400", "-x", "x-", "_", "__", "in_stock",
            "~", "%x%", "a;b", ":", "=>", "[1 2]", "&", "#", "^", "+", "!", "<>", "`", "/", "a  b", "tab\there",
            "line\nbreak", "inf", "-inf", "as", "the", "123", "1.5", "-1", "1e5", "日本語", "naïve", "ÅSE", "åse",
            "😀", "a😀", "«x»", "x\u00A0y");

    private final List<QueryTestIndex> indexes = new ArrayList<>();

    @AfterEach
    void dropIndexes() {
        indexes.forEach(QueryTestIndex::close);
    }

    private QueryTestIndex index(String... schema) {
        List<String> arguments = new ArrayList<>(List.of("ON", "HASH", "PREFIX", "1", prefix, "SCHEMA"));
        arguments.addAll(List.of(schema));
        QueryTestIndex index = QueryTestIndex.create(commands(), prefix + "idx", arguments.toArray(new String[0]));
        indexes.add(index);
        return index;
    }

    /** Loads {@code prefix + i} with {@code field} = the i-th value; @return key to value */
    private Map<String, String> load(String field, List<String> values) {
        Map<String, String> documents = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            hset(prefix + i, Map.of(field, values.get(i)));
            documents.put(prefix + i, values.get(i));
        }
        return documents;
    }

    private static Set<String> keysWhere(Map<String, String> documents, Predicate<String> value) {
        Set<String> keys = new TreeSet<>();
        documents.forEach((key, v) -> {
            if (value.test(v)) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Test
    void everyTagValueMatchesItselfAndNothingElse() {
        QueryTestIndex index = index("t", "TAG", "SEPARATOR", ";");
        List<String> values = NASTY_TAGS.stream().filter(v -> !v.contains(";")).toList();
        Map<String, String> documents = load("t", values);
        index.awaitDocuments(values.size());

        for (String value : values) {
            Query query = Query.tag("t").in(value);
            assertThat(index.search(query)).as("%s", query)
                    .isEqualTo(keysWhere(documents, v -> lower(v).equals(lower(value))))
                    .isNotEmpty();
        }
        assertThat(index.search(Query.tag("t").in("a-b", "a b", "ab*")))
                .isEqualTo(keysWhere(documents, v -> v.equals("a-b") || v.equals("a b") || v.equals("ab*")))
                .hasSize(3);
        assertThat(index.search(Query.tag("t").in("a-", "b", "a\\\\", "550e8400-", "日本", "😀😀"))).isEmpty();
    }

    @Test
    void hashTagsAreSplitAtTheSeparatorAndTrimmedWhenIndexed() {
        QueryTestIndex index = index("t", "TAG");
        hset(prefix + "split", Map.of("t", "a,b"));
        hset(prefix + "padded", Map.of("t", "  padded \t"));
        index.awaitDocuments(2);

        assertThat(index.search(Query.tag("t").in("a"))).containsExactly(prefix + "split");
        assertThat(index.search(Query.tag("t").in("b"))).containsExactly(prefix + "split");
        assertThat(index.search(Query.tag("t").in("a,b"))).as("no such tag is indexed").isEmpty();
        assertThat(index.search(Query.tag("t").in("padded"))).containsExactly(prefix + "padded");
        assertThat(index.search(Query.tag("t").in("  padded \t"))).as("no such tag is indexed").isEmpty();
    }

    @Test
    void jsonTagsKeepSeparatorsAndSpacesAndMatchThem() {
        QueryTestIndex index = QueryTestIndex.create(commands(), prefix + "idx", "ON", "JSON", "PREFIX", "1", prefix,
                "SCHEMA", "$.tags[*]", "AS", "t", "TAG");
        indexes.add(index);
        jsonSet(prefix + "j", "{\"tags\":[\" padded \",\"a,b\",\"x;y\"]}");
        jsonSet(prefix + "k", "{\"tags\":[\"padded\",\"a\"]}");
        index.awaitDocuments(2);

        assertThat(index.search(Query.tag("t").in(" padded "))).containsExactly(prefix + "j");
        assertThat(index.search(Query.tag("t").in("padded"))).containsExactly(prefix + "k");
        assertThat(index.search(Query.tag("t").in("a,b"))).containsExactly(prefix + "j");
        assertThat(index.search(Query.tag("t").in("x;y"))).containsExactly(prefix + "j");
        assertThat(index.search(Query.tag("t").in("a"))).containsExactly(prefix + "k");
    }

    @Test
    void caseSensitiveTagsMatchTheirCase() {
        QueryTestIndex index = index("t", "TAG", "CASESENSITIVE");
        Map<String, String> documents = load("t", List.of("Oslo", "oslo", "ÅSE", "åse", "A-b", "a-b"));
        index.awaitDocuments(documents.size());

        for (String value : documents.values()) {
            assertThat(index.search(Query.tag("t").in(value))).as(value)
                    .isEqualTo(keysWhere(documents, value::equals)).hasSize(1);
        }
    }

    @Test
    void fieldNamesHoldingQuerySyntaxAreEscaped() {
        QueryTestIndex index = index("t-1", "TAG", "a.b", "TAG", "$x", "TAG", "we ird", "TAG", "b\\s", "TAG", "_", "TAG",
                "名前", "TAG", "{c}", "TAG", "n-1", "NUMERIC", "t.x", "TEXT", "g-1", "GEO");
        List<String> tagFields = List.of("t-1", "a.b", "$x", "we ird", "b\\s", "_", "名前", "{c}");
        for (String field : tagFields) {
            hset(prefix + field, Map.of(field, "v"));
        }
        hset(prefix + "others", Map.of("n-1", "5", "t.x", "hello", "g-1", "10.5,20.25"));
        index.awaitDocuments(tagFields.size() + 1);

        for (String field : tagFields) {
            assertThat(index.search(Query.tag(field).in("v"))).as(field).containsExactly(prefix + field);
        }
        assertThat(index.search(Query.numeric("n-1").equalTo(5))).containsExactly(prefix + "others");
        assertThat(index.search(Query.text("t.x").word("hello"))).containsExactly(prefix + "others");
        assertThat(index.search(Query.geo("g-1").within(10.5, 20.25, 1, GeoUnit.KILOMETERS)))
                .containsExactly(prefix + "others");
    }

    @Test
    void textMatchesTheWordsTheTextIsIndexedAs() {
        QueryTestIndex index = index("x", "TEXT");
        Map<String, String> documents = load("x", List.of(
                "C-3PO is here", "c 3po", "C3PO", "o'brien", "O'Brien's", "e-mail me", "email", "foo\nbar",
                "ÜBER cool", "running fast", "in_stock", "日本語 テキスト", "emoji 😀 here", "abc", "abcd", "x\\-y",
                "1.5 percent", "«quoted» word"));
        index.awaitDocuments(documents.size());
        Query.Text x = Query.text("x");

        assertThat(index.search(x.phrase("C-3PO"))).isEqualTo(keys(documents, "C-3PO is here", "c 3po"));
        assertThat(index.search(x.word("C3PO"))).isEqualTo(keys(documents, "C3PO"));
        assertThat(index.search(x.phrase("o'brien"))).isEqualTo(keys(documents, "o'brien", "O'Brien's"));
        assertThat(index.search(x.word("brien"))).isEqualTo(keys(documents, "o'brien", "O'Brien's"));
        assertThat(index.search(x.phrase("e-mail"))).isEqualTo(keys(documents, "e-mail me"));
        assertThat(index.search(x.word("email"))).isEqualTo(keys(documents, "email"));
        assertThat(index.search(x.word("foo\nbar"))).as("a newline is dropped, not a separator")
                .isEqualTo(keys(documents, "foo\nbar"));
        assertThat(index.search(x.word("foo"))).isEmpty();
        assertThat(index.search(x.word("über"))).isEqualTo(keys(documents, "ÜBER cool"));
        assertThat(index.search(x.word("ÜBER"))).isEqualTo(keys(documents, "ÜBER cool"));
        assertThat(index.search(x.word("run"))).as("words match their stem").isEqualTo(keys(documents, "running fast"));
        assertThat(index.search(x.phrase("run"))).as("phrases are exact").isEmpty();
        assertThat(index.search(x.phrase("Running", "FAST"))).isEqualTo(keys(documents, "running fast"));
        assertThat(index.search(x.phrase("fast running"))).isEmpty();
        assertThat(index.search(x.word("in_stock"))).isEqualTo(keys(documents, "in_stock"));
        assertThat(index.search(x.word("日本語"))).isEqualTo(keys(documents, "日本語 テキスト"));
        assertThat(index.search(x.word("😀"))).isEqualTo(keys(documents, "emoji 😀 here"));
        assertThat(index.search(x.word("«quoted»"))).as("non-ASCII punctuation is part of a word")
                .isEqualTo(keys(documents, "«quoted» word"));
        assertThat(index.search(x.word("abc"))).isEqualTo(keys(documents, "abc"));
        assertThat(index.search(x.prefix("ab"))).isEqualTo(keys(documents, "abc", "abcd"));
        assertThat(index.search(x.prefix("abcd"))).isEqualTo(keys(documents, "abcd"));
        assertThat(index.search(x.word("x\\-y"))).as("an escaped separator stays in the word")
                .isEqualTo(keys(documents, "x\\-y"));
        assertThat(index.search(x.phrase("1.5"))).isEqualTo(keys(documents, "1.5 percent"));
        assertThat(index.search(x.word("1"))).isEqualTo(keys(documents, "1.5 percent"));
    }

    @Test
    void stopwordsAreLeftOutByTheServer() {
        QueryTestIndex index = index("x", "TEXT", "t", "TAG");
        hset(prefix + "cat", Map.of("x", "big the cat", "t", "a"));
        hset(prefix + "dog", Map.of("x", "big cat of dog", "t", "b"));
        index.awaitDocuments(2);
        Query.Text x = Query.text("x");
        Query a = Query.tag("t").in("a");

        assertThat(index.search(x.word("the"))).as("a stopword alone matches nothing").isEmpty();
        assertThat(index.search(a.and(x.word("the")))).as("and() leaves it out").containsExactly(prefix + "cat");
        assertThat(index.search(a.or(x.word("the")))).as("or() leaves it out").containsExactly(prefix + "cat");
        assertThat(index.search(a.and(x.word("the").not()))).as("not() leaves it out").containsExactly(prefix + "cat");
        assertThat(index.search(x.phrase("big cat"))).as("stopwords take no place")
                .containsExactly(prefix + "cat", prefix + "dog");
        assertThat(index.search(x.phrase("big cat dog"))).containsExactly(prefix + "dog");
        assertThat(index.search(x.phrase("big cat of dog"))).as("dropped from the third word on")
                .containsExactly(prefix + "dog");
        assertThat(index.search(x.phrase("big the cat"))).as("a stopword as second word matches nothing").isEmpty();
        assertThat(index.search(x.phrase("cat of dog"))).isEmpty();
    }

    @Test
    void aFieldScopesOnlyItsOwnCondition() {
        QueryTestIndex index = index("x", "TEXT", "y", "TEXT");
        hset(prefix + "both", Map.of("x", "alpha", "y", "beta"));
        hset(prefix + "xOnly", Map.of("x", "alpha beta"));
        hset(prefix + "yOnly", Map.of("y", "alpha"));
        index.awaitDocuments(3);

        assertThat(index.search(Query.text("x").word("alpha").and(Query.text().word("beta"))))
                .containsExactly(prefix + "both", prefix + "xOnly");
        assertThat(index.search(Query.text("y").word("beta").or(Query.text().word("alpha"))))
                .containsExactly(prefix + "both", prefix + "xOnly", prefix + "yOnly");
        assertThat(index.search(Query.text("x").word("alpha").or(Query.text("y").word("alpha"))))
                .containsExactly(prefix + "both", prefix + "xOnly", prefix + "yOnly");
        assertThat(index.search(Query.text("y").phrase("alpha").and(Query.text("x").prefix("al")))).isEmpty();
        assertThat(index.search(Query.text("x").phrase("alpha beta"))).containsExactly(prefix + "xOnly");
        assertThat(index.search(Query.text().phrase("alpha beta"))).as("words are numbered across fields")
                .containsExactly(prefix + "both", prefix + "xOnly");
    }

    @Test
    void numericBoundsIncludeAndExcludeExactlyTheValuesGiven() {
        QueryTestIndex index = index("n", "NUMERIC");
        List<String> stored = List.of("-inf", "-1e300", "-5.25", "-1", "-0.0", "0", "1e-7", "0.1", "0.30000000000000004",
                "1", "1.5", "10", "1e10", "1e300", "inf");
        Map<String, String> documents = load("n", stored);
        hset(prefix + "none", Map.of("other", "1"));
        index.awaitDocuments(stored.size() + 1);
        Query.Numeric n = Query.numeric("n");

        Map<Query, Predicate<Double>> cases = new LinkedHashMap<>();
        cases.put(n.between(-1, 1), v -> v >= -1 && v <= 1);
        cases.put(n.between(-5.25, -1.0), v -> v >= -5.25 && v <= -1);
        cases.put(n.range(-5.25, false, 0, false), v -> v > -5.25 && v < 0);
        cases.put(n.range(0L, false, 1L, true), v -> v > 0 && v <= 1);
        cases.put(n.greaterThan(1), v -> v > 1);
        cases.put(n.atLeast(1), v -> v >= 1);
        cases.put(n.lessThan(0), v -> v < 0);
        cases.put(n.atMost(0), v -> v <= 0);
        cases.put(n.lessThan(-0.0), v -> v < 0);
        cases.put(n.equalTo(0.1), v -> v == 0.1);
        cases.put(n.equalTo(0.30000000000000004), v -> v == 0.30000000000000004);
        cases.put(n.atMost(0.3), v -> v <= 0.3);
        cases.put(n.equalTo(1e-7), v -> v == 1e-7);
        cases.put(n.greaterThan(0.0), v -> v > 0);
        cases.put(n.equalTo(1e10), v -> v == 1e10);
        cases.put(n.greaterThan(1e10), v -> v > 1e10);
        cases.put(n.atLeast(1e300), v -> v >= 1e300);
        cases.put(n.lessThan(-1e300), v -> v < -1e300);
        cases.put(n.equalTo(Double.POSITIVE_INFINITY), v -> v == Double.POSITIVE_INFINITY);
        cases.put(n.equalTo(Double.NEGATIVE_INFINITY), v -> v == Double.NEGATIVE_INFINITY);
        cases.put(n.greaterThan(Double.MAX_VALUE), v -> v > Double.MAX_VALUE);
        cases.put(n.between(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), v -> true);
        cases.put(n.range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false), Double::isFinite);
        cases.put(n.range(1.5, false, 1.5, true), v -> false);
        cases.put(n.equalTo(-0.0), v -> v == 0);
        cases.forEach((query, predicate) -> assertThat(index.search(query)).as("%s", query)
                .isEqualTo(keysWhere(documents, v -> predicate.test(Double.parseDouble(v.replace("inf", "Infinity"))))));
    }

    @Test
    void longsPastTwoToTheFiftyThirdCompareAsTheirNearestDoubles() {
        QueryTestIndex index = index("n", "NUMERIC");
        hset(prefix + "2^53", Map.of("n", "9007199254740992"));
        hset(prefix + "2^53+1", Map.of("n", "9007199254740993"));
        hset(prefix + "2^53+2", Map.of("n", "9007199254740994"));
        hset(prefix + "max", Map.of("n", Long.toString(Long.MAX_VALUE)));
        hset(prefix + "min", Map.of("n", Long.toString(Long.MIN_VALUE)));
        index.awaitDocuments(5);
        Query.Numeric n = Query.numeric("n");

        assertThat(index.search(n.equalTo(9007199254740993L))).containsExactly(prefix + "2^53", prefix + "2^53+1");
        assertThat(index.search(n.equalTo(9007199254740994L))).containsExactly(prefix + "2^53+2");
        assertThat(index.search(n.greaterThan(9007199254740992L))).containsExactly(prefix + "2^53+2", prefix + "max");
        assertThat(index.search(n.equalTo(Long.MAX_VALUE))).containsExactly(prefix + "max");
        assertThat(index.search(n.equalTo(Long.MIN_VALUE))).containsExactly(prefix + "min");
        assertThat(index.search(n.between(Long.MIN_VALUE, Long.MAX_VALUE))).hasSize(5);
        assertThat(index.search(n.lessThan(Long.MIN_VALUE))).isEmpty();
    }

    @Test
    void geoMatchesPointsWithinTheRadius() {
        QueryTestIndex index = index("g", "GEO");
        hset(prefix + "oslo", Map.of("g", "10.7522,59.9139"));
        hset(prefix + "bergen", Map.of("g", "5.3221,60.3913"));        // 305 km from Oslo
        hset(prefix + "trondheim", Map.of("g", "10.3951,63.4305"));    // 392 km
        hset(prefix + "stockholm", Map.of("g", "18.0686,59.3293"));    // 417 km
        hset(prefix + "lima", Map.of("g", "-77.0428,-12.0464"));
        index.awaitDocuments(5);
        Query.Geo g = Query.geo("g");

        assertThat(index.search(g.within(10.75, 59.91, 100, GeoUnit.KILOMETERS))).containsExactly(prefix + "oslo");
        assertThat(index.search(g.within(10.75, 59.91, 350, GeoUnit.KILOMETERS)))
                .containsExactly(prefix + "bergen", prefix + "oslo");
        assertThat(index.search(g.within(10.75, 59.91, 450, GeoUnit.KILOMETERS)))
                .containsExactly(prefix + "bergen", prefix + "oslo", prefix + "stockholm", prefix + "trondheim");
        assertThat(index.search(g.within(10.75, 59.91, 220, GeoUnit.MILES)))
                .containsExactly(prefix + "bergen", prefix + "oslo");
        assertThat(index.search(g.within(10.7522, 59.9139, 1000, GeoUnit.METERS))).containsExactly(prefix + "oslo");
        assertThat(index.search(g.within(10.7522, 59.9139, 3000, GeoUnit.FEET))).containsExactly(prefix + "oslo");
        assertThat(index.search(g.within(-77.04, -12.05, 10, GeoUnit.KILOMETERS))).containsExactly(prefix + "lima");
        assertThat(index.search(g.within(0, 0, 100, GeoUnit.KILOMETERS))).isEmpty();
    }

    @Test
    void compositionMeansWhatTheCallsSay() {
        QueryTestIndex index = index("t", "TAG", "n", "NUMERIC", "x", "TEXT");
        hset(prefix + "0", Map.of("t", "a", "n", "1", "x", "hello world"));
        hset(prefix + "1", Map.of("t", "b", "n", "2", "x", "the cat"));
        hset(prefix + "2", Map.of("t", "c", "n", "3", "x", "big dog"));
        hset(prefix + "3", Map.of("t", "a", "n", "4", "x", "cat dog"));
        hset(prefix + "4", Map.of("t", "b", "n", "5"));
        index.awaitDocuments(5);
        Query a = Query.tag("t").in("a");
        Query b = Query.tag("t").in("b");
        Query twoToFive = Query.numeric("n").between(2, 5);
        Query cat = Query.text("x").word("cat");

        assertThat(index.search(Query.all())).containsExactly(keys("0", "1", "2", "3", "4"));
        assertThat(index.search(a.not())).containsExactly(keys("1", "2", "4"));
        assertThat(index.search(a.not().and(b.not()))).containsExactly(keys("2"));
        assertThat(index.search(a.not().or(b.not()))).containsExactly(keys("0", "1", "2", "3", "4"));
        assertThat(index.search(a.and(twoToFive).or(b))).containsExactly(keys("1", "3", "4"));
        assertThat(index.search(a.and(twoToFive.or(b)))).containsExactly(keys("3"));
        assertThat(index.search(a.or(b).and(Query.numeric("n").between(1, 2)))).containsExactly(keys("0", "1"));
        assertThat(index.search(a.and(b))).isEmpty();
        assertThat(index.search(a.and(Query.numeric("n").equalTo(4).not()))).containsExactly(keys("0"));
        assertThat(index.search(a.and(Query.numeric("n").equalTo(4)).not())).containsExactly(keys("0", "1", "2", "4"));
        assertThat(index.search(a.not().not())).containsExactly(keys("0", "3"));
        assertThat(index.search(cat.not())).containsExactly(keys("0", "2", "4"));
        assertThat(index.search(cat.or(a).and(twoToFive.not()))).containsExactly(keys("0"));
        assertThat(index.search(Query.anyOf(cat, a, Query.text("x").word("dog")).and(b.not())))
                .containsExactly(keys("0", "2", "3"));
        assertThat(index.search(Query.all().and(a))).containsExactly(keys("0", "3"));
        assertThat(index.search(a.or(Query.all()))).containsExactly(keys("0", "1", "2", "3", "4"));
        assertThat(index.search(Query.tag("t").in("zz").not())).containsExactly(keys("0", "1", "2", "3", "4"));
        assertThat(index.search(Query.tag("t").in("zz").not().and(Query.tag("t").in("zz")))).isEmpty();
    }

    @Test
    void rawQueriesCombineWithBuiltOnes() {
        QueryTestIndex index = index("t", "TAG", "n", "NUMERIC");
        hset(prefix + "0", Map.of("t", "a", "n", "1"));
        hset(prefix + "1", Map.of("t", "b", "n", "2"));
        hset(prefix + "2", Map.of("t", "c", "n", "3"));
        index.awaitDocuments(3);
        Query aOrB = Query.raw("@t:{a} | @t:{b}");

        assertThat(index.search(aOrB)).containsExactly(keys("0", "1"));
        assertThat(index.search(aOrB.and(Query.numeric("n").atLeast(2)))).containsExactly(keys("1"));
        assertThat(index.search(aOrB.not())).containsExactly(keys("2"));
    }

    private String[] keys(String... suffixes) {
        String[] keys = new String[suffixes.length];
        for (int i = 0; i < suffixes.length; i++) {
            keys[i] = prefix + suffixes[i];
        }
        return keys;
    }

    private static Set<String> keys(Map<String, String> documents, String... values) {
        Set<String> wanted = Set.of(values);
        Set<String> keys = keysWhere(documents, wanted::contains);
        assertThat(keys).hasSize(values.length);
        return keys;
    }
}
