package io.redisarrow.arrow;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into the words RediSearch's default tokenizer indexes for it, so that a TEXT word,
 * prefix or phrase is looked up as the words a document holding the same text was indexed under.
 *
 * <p>The rules of that tokenizer (RediSearch 2.x, every language but Chinese):
 * <ul>
 * <li>words end at a space, a tab or the ASCII punctuation {@code ,./(){}[]:;~!@#$%^&*-=+|'`"<>?}:
 *     every ASCII punctuation but {@code _} and {@code \};</li>
 * <li>a backslash is dropped and makes the next character part of the word, separator or not;</li>
 * <li>other control characters ({@code \n}, {@code \r}, ...) are dropped, so they join what is
 *     around them: {@code "foo\nbar"} is the one word {@code foobar};</li>
 * <li>everything else, non-ASCII punctuation included, is part of a word.</li>
 * </ul>
 * Lower-casing, stemming and stopwords are left to the server, which applies them to query words
 * as to indexed ones.
 */
final class QueryTokens {

    private static final String SEPARATORS = " \t,./(){}[]:;~!@#$%^&*-=+|'`\"<>?";

    private QueryTokens() {
    }

    /**
     * @param text any text
     * @return its words, in order, possibly none
     */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped && SEPARATORS.indexOf(c) >= 0) {
                flush(word, words);
            } else if (!escaped && c == '\\') {
                escaped = true;
            } else {
                escaped = false;
                if (!QueryEscaping.isControl(c)) {
                    word.append(c);
                }
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
