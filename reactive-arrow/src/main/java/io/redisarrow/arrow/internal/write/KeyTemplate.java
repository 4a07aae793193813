package io.redisarrow.arrow.internal.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A key template such as {@code user:{id}} or {@code {tenant}:order:{id}}: literal text and the
 * names of the columns whose text goes between. {@code {{} and {@code }}} are literal braces.
 */
public final class KeyTemplate {

    private final String template;

    /** One more than the columns: the text before each column, then the text after the last. */
    private final List<String> literals;

    private final List<String> columns;

    private KeyTemplate(String template, List<String> literals, List<String> columns) {
        this.template = template;
        this.literals = List.copyOf(literals);
        this.columns = List.copyOf(columns);
    }

    /**
     * @param template the template
     * @return it, parsed
     * @throws IllegalArgumentException when a brace is not closed or not opened, a column name is
     *         empty, or no column is named
     */
    public static KeyTemplate parse(String template) {
        Objects.requireNonNull(template, "template must not be null");
        List<String> literals = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int end = template.indexOf('}', i + 1);
                if (end < 0) {
                    throw malformed(template, "the '{' at " + i + " is not closed");
                }
                String column = template.substring(i + 1, end);
                if (column.isEmpty() || column.indexOf('{') >= 0) {
                    throw malformed(template, "the braces at " + i + " do not hold a column name");
                }
                literals.add(literal.toString());
                literal.setLength(0);
                columns.add(column);
                i = end + 1;
            } else if (c == '}') {
                throw malformed(template, "the '}' at " + i + " closes nothing (write '}}' for a brace)");
            } else {
                literal.append(c);
                i++;
            }
        }
        literals.add(literal.toString());
        if (columns.isEmpty()) {
            throw malformed(template, "it names no column, so every row would write the same key");
        }
        return new KeyTemplate(template, literals, columns);
    }

    private static IllegalArgumentException malformed(String template, String why) {
        return new IllegalArgumentException("key template '" + template + "' is malformed: " + why
                + "; write it as text with column names in braces, such as 'user:{id}'");
    }

    /** @return the columns named, in order (a column may appear twice) */
    public List<String> columns() {
        return columns;
    }

    /** @return the literal text before column {@code i}, or after the last for {@code i == columns().size()} */
    public String literal(int i) {
        return literals.get(i);
    }

    @Override
    public String toString() {
        return template;
    }
}
