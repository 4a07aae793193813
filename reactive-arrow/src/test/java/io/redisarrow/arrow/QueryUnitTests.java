package io.redisarrow.arrow;

import io.redisarrow.arrow.Query.GeoUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exact text {@link Query} writes: every builder, escaping, numbers, precedence, and the
 * arguments it rejects. What the server makes of that text is {@code QueryIntegrationTests}'.
 */
class QueryUnitTests {

    private static final Query A = Query.tag("t").in("a");

    private static final Query B = Query.tag("t").in("b");

    private static final Query C = Query.numeric("n").between(1, 2);

    @Test
    void theContractsExamples() {
        assertThat(Query.tag("city").in("Oslo", "New York")).hasToString("@city:{Oslo | New\\ York}");
        assertThat(Query.numeric("age").between(30, 40)).hasToString("@age:[30 40]");
        assertThat(Query.tag("city").in("Oslo", "New York").and(Query.numeric("age").between(30, 40)))
                .hasToString("(@city:{Oslo | New\\ York} @age:[30 40])");
        assertThat(Query.all()).hasToString("*");
        assertThat(Query.raw("@x:{a}")).hasToString("@x:{a}");
    }

    @Test
    void theJavadocsExamples() {
        assertThat(Query.text("bio").phrase("C-3PO")).hasToString("@bio:\"C 3PO\"");
        assertThat(Query.numeric("score").greaterThan(0.5)).hasToString("@score:[(0.5 +inf]");
        assertThat(Query.geo("place").within(10.75, 59.91, 5, GeoUnit.KILOMETERS))
                .hasToString("@place:[10.75 59.91 5 km]");
        assertThat(Query.tag("status").in("gone").not()).hasToString("-(@status:{gone})");
    }

    @Nested
    class Tags {

        static Stream<Arguments> escapes() {
            return Stream.of(
                    Arguments.of("Oslo", "Oslo"),
                    Arguments.of("New York", "New\\ York"),
                    Arguments.of("a  b", "a\\ \\ b"),
                    Arguments.of("550e8400-e29b-41d4", "550e8400\\-e29b\\-41d4"),
                    Arguments.of("x\\", "x\\\\"),
                    Arguments.of("\\", "\\\\"),
                    Arguments.of("a\\b", "a\\\\b"),
                    Arguments.of("{x}", "\\{x\\}"),
                    Arguments.of("a|b", "a\\|b"),
                    Arguments.of("\"q\"", "\\\"q\\\""),
                    Arguments.of("o'brien", "o\\'brien"),
                    Arguments.of("a*", "a\\*"),
                    Arguments.of("$x", "\\$x"),
                    Arguments.of("@x", "\\@x"),
                    Arguments.of("(p)", "\\(p\\)"),
                    Arguments.of("what?", "what\\?"),
                    Arguments.of("_", "\\_"),
                    Arguments.of("in_stock", "in\\_stock"),
                    Arguments.of("1.5", "1\\.5"),
                    Arguments.of("-1", "\\-1"),
                    Arguments.of("123", "123"),
                    Arguments.of("inf", "inf"),
                    Arguments.of("a\tb", "a\\\tb"),
                    Arguments.of("a\nb", "a\\\nb"),
                    Arguments.of("日本語", "日本語"),
                    Arguments.of("naïve", "naïve"),
                    Arguments.of("ÅSE", "ÅSE"),
                    Arguments.of("😀", "😀"),
                    Arguments.of("«x»", "«x»"),
                    Arguments.of("a\u00A0b", "a\u00A0b"));
        }

        @ParameterizedTest
        @MethodSource("escapes")
        void escapeEveryAsciiCharacterButLettersAndDigits(String value, String escaped) {
            assertThat(Query.tag("t").in(value)).hasToString("@t:{" + escaped + "}");
        }

        @Test
        void escapeEachAsciiPunctuationCharacterWithOneBackslash() {
            for (char c = 0x20; c < 0x7F; c++) {
                String expected = Character.isLetterOrDigit(c) ? "" + c : "\\" + c;
                assertThat(Query.tag("t").in("" + c)).as("U+%04X", (int) c).hasToString("@t:{" + expected + "}");
            }
        }

        @Test
        void joinValuesWithBars() {
            assertThat(Query.tag("t").in("a", "b-c", "d")).hasToString("@t:{a | b\\-c | d}");
            assertThat(Query.tag("t").in(List.of("x y", "z"))).hasToString("@t:{x\\ y | z}");
        }

        @Test
        void rejectWhatNoQueryCanHold() {
            assertThatThrownBy(() -> Query.tag("t").in()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least one tag value");
            assertThatThrownBy(() -> Query.tag("t").in(List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Query.tag("t").in("a", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tag value must not be empty");
            assertThatThrownBy(() -> Query.tag("t").in("a\u0001b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tag value 'a\\u0001b' holds the control character U+0001, which a RediSearch query"
                            + " cannot express");
            assertThatThrownBy(() -> Query.tag("t").in("\u007F")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("U+007F");
            assertThatThrownBy(() -> Query.tag("t").in("\u0000")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("U+0000");
            assertThatThrownBy(() -> Query.tag("t").in("a\uD83D")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tag value 'a\\uD83D' holds the unpaired surrogate U+D83D at index 1, which is not"
                            + " Unicode text");
            assertThatThrownBy(() -> Query.tag("t").in("\uDE00x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unpaired surrogate U+DE00 at index 0");
            assertThatThrownBy(() -> Query.tag("t").in((String) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Query.tag("t").in(Arrays.asList("a", null)))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class FieldNames {

        @Test
        void escapeAllButLettersDigitsAndUnderscores() {
            assertThat(Query.tag("first_name").in("a")).hasToString("@first_name:{a}");
            assertThat(Query.tag("_").in("a")).hasToString("@_:{a}");
            assertThat(Query.tag("t-1").in("a")).hasToString("@t\\-1:{a}");
            assertThat(Query.numeric("$.price").atLeast(1)).hasToString("@\\$\\.price:[1 +inf]");
            assertThat(Query.text("we ird").word("x")).hasToString("@we\\ ird:x");
            assertThat(Query.geo("b\\s").within(1, 2, 3, GeoUnit.METERS)).hasToString("@b\\\\s:[1 2 3 m]");
            assertThat(Query.tag("名前").in("a")).hasToString("@名前:{a}");
        }

        @Test
        void rejectEmptyAndControlCharacters() {
            assertThatThrownBy(() -> Query.tag("")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field name must not be empty");
            assertThatThrownBy(() -> Query.numeric("a\u0002")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("field name 'a\\u0002' holds the control character U+0002");
            assertThatThrownBy(() -> Query.text(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Query.geo(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Texts {

        @Test
        void writeOneWordEscaped() {
            assertThat(Query.text("x").word("Hello")).hasToString("@x:Hello");
            assertThat(Query.text("x").word("in_stock")).hasToString("@x:in\\_stock");
            assertThat(Query.text("x").word("Über")).hasToString("@x:Über");
            assertThat(Query.text("x").word("😀")).hasToString("@x:😀");
            assertThat(Query.text("x").word("3PO")).hasToString("@x:3PO");
            assertThat(Query.text("x").word("_")).hasToString("@x:\\_");
            assertThat(Query.text("x").word(" padded\t")).hasToString("@x:padded");
        }

        @Test
        void splitAndDropAsTheIndexerDoes() {
            assertThat(Query.text("x").word("foo\nbar")).as("control characters are dropped, joining")
                    .hasToString("@x:foobar");
            assertThat(Query.text("x").word("a\\-b")).as("a backslash keeps a separator in the word")
                    .hasToString("@x:a\\-b");
            assertThat(Query.text("x").word("a\\b")).as("a backslash is dropped").hasToString("@x:ab");
            assertThat(Query.text("x").word("a\\\\b")).as("an escaped backslash stays").hasToString("@x:a\\\\b");
            assertThat(Query.text("x").word("ab\\")).as("a trailing backslash is dropped").hasToString("@x:ab");
            assertThat(Query.text("x").word("a\\ b")).as("an escaped space stays").hasToString("@x:a\\ b");
            assertThat(Query.text("x").word("a\\\tb")).as("an escaped tab is a control character")
                    .hasToString("@x:ab");
        }

        @Test
        void rejectWordsRediSearchSplits() {
            assertThatThrownBy(() -> Query.text("x").word("C-3PO")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("word 'C-3PO' is 2 words to RediSearch, [C, 3PO], as it splits TEXT at spaces and"
                            + " ASCII punctuation other than _; use phrase() for several words");
            assertThatThrownBy(() -> Query.text("x").word("o'brien")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Query.text("x").prefix("e-ma")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("prefix 'e-ma' is 2 words");
            assertThatThrownBy(() -> Query.text("x").word(" -- ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("word ' -- ' holds no word: RediSearch indexes none for spaces, ASCII punctuation"
                            + " other than _ and control characters");
            assertThatThrownBy(() -> Query.text("x").word("")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("holds no word");
            assertThatThrownBy(() -> Query.text("x").word("\n")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("word '\\u000A' holds no word: RediSearch indexes none for spaces, ASCII"
                            + " punctuation other than _ and control characters");
            assertThatThrownBy(() -> Query.text("x").word("a\uDC00")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unpaired surrogate");
            assertThatThrownBy(() -> Query.text("x").word(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void writePrefixesWithAStar() {
            assertThat(Query.text("x").prefix("ru")).hasToString("@x:ru*");
            assertThat(Query.text("x").prefix("in_")).hasToString("@x:in\\_*");
            assertThat(Query.text("x").prefix("12")).hasToString("@x:12*");
        }

        @Test
        void writePhrasesAsTheWordsTheIndexerMakes() {
            assertThat(Query.text("x").phrase("C-3PO")).hasToString("@x:\"C 3PO\"");
            assertThat(Query.text("x").phrase("o'brien")).hasToString("@x:\"o brien\"");
            assertThat(Query.text("x").phrase("e-mail", "me")).hasToString("@x:\"e mail me\"");
            assertThat(Query.text("x").phrase("New York")).isEqualTo(Query.text("x").phrase("New", "York"));
            assertThat(Query.text("x").phrase("running")).hasToString("@x:\"running\"");
            assertThat(Query.text("x").phrase("a\\-b, c")).hasToString("@x:\"a\\-b c\"");
            assertThat(Query.text("x").phrase("1.5 \"quoted\" {x}|y")).hasToString("@x:\"1 5 quoted x y\"");
            assertThat(Query.text("x").phrase("日本語 テキスト")).hasToString("@x:\"日本語 テキスト\"");
        }

        @Test
        void rejectPhrasesWithoutWords() {
            assertThatThrownBy(() -> Query.text("x").phrase()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("phrase [] holds no word: RediSearch indexes none for spaces, ASCII punctuation"
                            + " other than _ and control characters");
            assertThatThrownBy(() -> Query.text("x").phrase(", .", "-\t")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("phrase [', .', '-\\u0009'] holds no word");
            assertThatThrownBy(() -> Query.text("x").phrase("a", null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void searchEveryTextFieldWithoutAField() {
            assertThat(Query.text().word("oslo")).hasToString("oslo");
            assertThat(Query.text().prefix("os")).hasToString("os*");
            assertThat(Query.text().phrase("new-york")).hasToString("\"new york\"");
            assertThat(Query.text().word("a").and(Query.text("x").word("b"))).hasToString("(a @x:b)");
        }
    }

    @Nested
    class Numerics {

        @Test
        void writeEachForm() {
            Query.Numeric n = Query.numeric("n");
            assertThat(n.between(30, 40)).hasToString("@n:[30 40]");
            assertThat(n.between(-1.5, 2.25)).hasToString("@n:[-1.5 2.25]");
            assertThat(n.between(30.0, 40.0)).hasToString("@n:[30 40]");
            assertThat(n.greaterThan(5)).hasToString("@n:[(5 +inf]");
            assertThat(n.greaterThan(0.5)).hasToString("@n:[(0.5 +inf]");
            assertThat(n.atLeast(5)).hasToString("@n:[5 +inf]");
            assertThat(n.atLeast(-0.5)).hasToString("@n:[-0.5 +inf]");
            assertThat(n.lessThan(5)).hasToString("@n:[-inf (5]");
            assertThat(n.lessThan(5.5)).hasToString("@n:[-inf (5.5]");
            assertThat(n.atMost(-5)).hasToString("@n:[-inf -5]");
            assertThat(n.atMost(-5.5)).hasToString("@n:[-inf -5.5]");
            assertThat(n.equalTo(7)).hasToString("@n:[7 7]");
            assertThat(n.equalTo(0.1)).hasToString("@n:[0.1 0.1]");
            assertThat(n.range(1, true, 5, false)).hasToString("@n:[1 (5]");
            assertThat(n.range(1, false, 5, true)).hasToString("@n:[(1 5]");
            assertThat(n.range(1, false, 5, false)).hasToString("@n:[(1 (5]");
            assertThat(n.range(1.5, false, 2.5, false)).hasToString("@n:[(1.5 (2.5]");
            assertThat(n.range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false))
                    .hasToString("@n:[(-inf (+inf]");
            assertThat(n.between(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).hasToString("@n:[-inf +inf]");
            assertThat(n.equalTo(Double.POSITIVE_INFINITY)).hasToString("@n:[+inf +inf]");
            assertThat(n.between(5, 5)).hasToString("@n:[5 5]");
        }

        @Test
        void writeLongsInFull() {
            assertThat(Query.numeric("n").between(Long.MIN_VALUE, Long.MAX_VALUE))
                    .hasToString("@n:[-9223372036854775808 9223372036854775807]");
            assertThat(Query.numeric("n").equalTo(9007199254740993L))
                    .hasToString("@n:[9007199254740993 9007199254740993]");
        }

        static Stream<Arguments> doubles() {
            return Stream.of(
                    Arguments.of(0.0, "0"),
                    Arguments.of(-0.0, "0"),
                    Arguments.of(1e10, "10000000000"),
                    Arguments.of(1e-7, "0.0000001"),
                    Arguments.of(123456789012345680000.0, "123456789012345680000"),
                    Arguments.of(1e300, "1E300"),
                    Arguments.of(-1.5e300, "-1.5E300"),
                    Arguments.of(1.5e-300, "1.5E-300"),
                    Arguments.of(Double.MIN_VALUE, "4.9E-324"),
                    Arguments.of(Double.MAX_VALUE, "1.7976931348623157E308"),
                    Arguments.of(0.30000000000000004, "0.30000000000000004"),
                    Arguments.of(9007199254740993.0, "9007199254740992"));
        }

        @ParameterizedTest
        @MethodSource("doubles")
        void writeDoublesSoTheServerReadsThemBackExactly(double value, String text) {
            assertThat(QueryNumbers.of(value)).isEqualTo(text);
            assertThat(Query.numeric("n").equalTo(value)).hasToString("@n:[" + text + " " + text + "]");
        }

        @Test
        void writeEveryDoubleInTheParsersNumberSyntaxAndBackToItself() {
            // RediSearch's lexer: -?digits(.digits)?([eE]-?digits)?, read with strtod (as parseDouble does)
            Pattern number = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?");
            Random random = new Random(7);
            List<Double> values = new ArrayList<>(List.of(1e21, 1e22, 1e23, 1e-6, 1e-5, 123.456, -2.5e-8));
            for (int i = 0; i < 20_000; i++) {
                double d = Double.longBitsToDouble(random.nextLong());
                if (Double.isFinite(d)) {
                    values.add(d);
                }
                values.add(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            }
            for (double d : values) {
                String text = QueryNumbers.of(d);
                assertThat(text).as("%s", d).matches(number);
                assertThat(Double.parseDouble(text)).as(text).isEqualTo(d == 0 ? 0.0 : d);
                assertThat(text.length()).as(text).isLessThanOrEqualTo(QueryNumbers.PLAIN_LIMIT);
            }
        }

        @Test
        void rejectNanAndBoundsTheWrongWayRound() {
            Query.Numeric n = Query.numeric("n");
            assertThatThrownBy(() -> n.equalTo(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the bounds of @n must be numbers, but were NaN and NaN");
            assertThatThrownBy(() -> n.greaterThan(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> n.lessThan(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> n.between(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> n.between(40, 30)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the lower bound 40 of @n must not be above its upper bound 30");
            assertThatThrownBy(() -> n.range(2.5, true, 1.5, true)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the lower bound 2.5 of @n must not be above its upper bound 1.5");
            assertThatThrownBy(() -> n.between(Double.POSITIVE_INFINITY, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Geos {

        @Test
        void writeCentreRadiusAndUnit() {
            Query.Geo g = Query.geo("g");
            assertThat(g.within(10.75, 59.91, 5, GeoUnit.KILOMETERS)).hasToString("@g:[10.75 59.91 5 km]");
            assertThat(g.within(-77.0428, -12.0464, 0.5, GeoUnit.MILES)).hasToString("@g:[-77.0428 -12.0464 0.5 mi]");
            assertThat(g.within(180, -85.05112878, 100, GeoUnit.METERS)).hasToString("@g:[180 -85.05112878 100 m]");
            assertThat(g.within(0, 0, 1e-7, GeoUnit.FEET)).hasToString("@g:[0 0 0.0000001 ft]");
            assertThat(Arrays.stream(GeoUnit.values()).map(GeoUnit::symbol)).containsExactly("m", "km", "mi", "ft");
        }

        @Test
        void rejectCoordinatesAndRadiiOutOfRange() {
            Query.Geo g = Query.geo("g");
            assertThatThrownBy(() -> g.within(180.5, 0, 1, GeoUnit.METERS)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("longitude must be from -180 to 180, but was 180.5");
            assertThatThrownBy(() -> g.within(-181, 0, 1, GeoUnit.METERS)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> g.within(Double.NaN, 0, 1, GeoUnit.METERS))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> g.within(0, 85.06, 1, GeoUnit.METERS)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("latitude must be from -85.05112878 to 85.05112878, but was 85.06");
            assertThatThrownBy(() -> g.within(0, Double.NaN, 1, GeoUnit.METERS))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> g.within(0, 0, 0, GeoUnit.METERS)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("radius must be above 0 and finite, but was 0.0");
            assertThatThrownBy(() -> g.within(0, 0, -1, GeoUnit.METERS)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> g.within(0, 0, Double.POSITIVE_INFINITY, GeoUnit.METERS))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> g.within(0, 0, Double.NaN, GeoUnit.METERS))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> g.within(0, 0, 1, null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Composition {

        @Test
        void parenthesiseEveryCompound() {
            assertThat(A.and(B)).hasToString("(@t:{a} @t:{b})");
            assertThat(A.or(B)).hasToString("(@t:{a} | @t:{b})");
            assertThat(A.not()).hasToString("-(@t:{a})");
            assertThat(A.and(B.or(C))).hasToString("(@t:{a} (@t:{b} | @n:[1 2]))");
            assertThat(A.or(B.and(C))).hasToString("(@t:{a} | (@t:{b} @n:[1 2]))");
            assertThat(A.and(B).or(C)).hasToString("((@t:{a} @t:{b}) | @n:[1 2])");
            assertThat(A.and(B.not())).hasToString("(@t:{a} -(@t:{b}))");
            assertThat(A.or(B).not()).hasToString("-(@t:{a} | @t:{b})");
            assertThat(A.and(B).not()).hasToString("-(@t:{a} @t:{b})");
            assertThat(A.not().not()).hasToString("-(-(@t:{a}))");
            assertThat(A.not().or(B.not())).hasToString("(-(@t:{a}) | -(@t:{b}))");
        }

        @Test
        void flattenNestedIntersectionsAndUnions() {
            assertThat(A.and(B).and(C)).hasToString("(@t:{a} @t:{b} @n:[1 2])");
            assertThat(A.and(B.and(C))).hasToString("(@t:{a} @t:{b} @n:[1 2])");
            assertThat(A.or(B).or(C)).hasToString("(@t:{a} | @t:{b} | @n:[1 2])");
            assertThat(Query.allOf(A.and(B), Query.allOf(C, A))).hasToString("(@t:{a} @t:{b} @n:[1 2] @t:{a})");
            assertThat(A.or(B).and(C.or(A))).hasToString("((@t:{a} | @t:{b}) (@n:[1 2] | @t:{a}))");
        }

        @Test
        void staticAndInstanceFormsAgree() {
            assertThat(Query.allOf(A, B, C)).isEqualTo(A.and(B).and(C));
            assertThat(Query.anyOf(A, B, C)).isEqualTo(A.or(B).or(C));
            assertThat(Query.not(A)).isEqualTo(A.not());
            assertThat(Query.allOf(new Query[] { A })).isSameAs(A);
            assertThat(Query.anyOf(new Query[] { A })).isSameAs(A);
        }

        @Test
        void simplifyAllAwayAsItCannotBeCombined() {
            assertThat(Query.all().and(A)).isSameAs(A);
            assertThat(A.and(Query.all())).isSameAs(A);
            assertThat(Query.allOf(A, Query.all(), B)).hasToString("(@t:{a} @t:{b})");
            assertThat(Query.allOf(Query.all(), Query.all())).hasToString("*");
            assertThat(A.or(Query.all())).hasToString("*");
            assertThat(Query.anyOf(A, B, Query.all())).isSameAs(Query.all());
            assertThat(A.or(Query.all()).and(B)).isSameAs(B);
            assertThatThrownBy(() -> Query.all().not()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not(all()) would match no document, which RediSearch has no query for; leave the"
                            + " clause out");
            assertThatThrownBy(() -> A.or(Query.all()).not()).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void parenthesiseRawQueriesWhenCombined() {
            Query raw = Query.raw("@t:{a} | @t:{b}");
            assertThat(raw).hasToString("@t:{a} | @t:{b}");
            assertThat(raw.and(C)).hasToString("((@t:{a} | @t:{b}) @n:[1 2])");
            assertThat(C.or(raw)).hasToString("(@n:[1 2] | (@t:{a} | @t:{b}))");
            assertThat(raw.not()).hasToString("-(@t:{a} | @t:{b})");
            assertThatThrownBy(() -> Query.raw(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a raw query must not be blank, but was ' '");
            assertThatThrownBy(() -> Query.raw(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void rejectEmptyAndNullOperands() {
            assertThatThrownBy(() -> Query.allOf()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("and() needs at least one query");
            assertThatThrownBy(() -> Query.anyOf()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("or() needs at least one query");
            assertThatThrownBy(() -> A.and((Query) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Query.anyOf(A, null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Query.not(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void equalByText() {
            assertThat(Query.tag("t").in("a")).isEqualTo(A).hasSameHashCodeAs(A);
            assertThat(Query.raw("@t:{a}")).isEqualTo(A);
            assertThat(A).isNotEqualTo(B).isNotEqualTo("@t:{a}");
        }
    }
}
