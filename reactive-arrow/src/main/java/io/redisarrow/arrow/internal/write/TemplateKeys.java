package io.redisarrow.arrow.internal.write;

import io.redisarrow.arrow.internal.encode.Text;
import io.redisarrow.arrow.internal.encode.ValueEncoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Keys built from a {@link KeyTemplate}: each column's text (as a hash field would hold it) between
 * the template's literals.
 */
final class TemplateKeys implements RowKeys {

    private final KeyTemplate template;

    private final byte[][] literals;

    private final List<ValueEncoder> columns;

    private final KeyBytes key = new KeyBytes();

    /**
     * @param template the template
     * @param columns the encoders of the columns it names, in its order
     */
    TemplateKeys(KeyTemplate template, List<ValueEncoder> columns) {
        this.template = template;
        this.columns = columns;
        this.literals = new byte[columns.size() + 1][];
        for (int i = 0; i <= columns.size(); i++) {
            literals[i] = template.literal(i).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public KeyBytes key(int row) {
        key.clear();
        for (int i = 0; i < columns.size(); i++) {
            key.append(literals[i], 0, literals[i].length);
            ValueEncoder column = columns.get(i);
            if (column.isNull(row)) {
                throw new IllegalArgumentException("row " + row + " has a null in column '" + template.columns().get(i)
                        + "' of key template '" + template + "'; every row needs a key (the batch was not written)");
            }
            Text text = column.text(row);
            key.append(text.bytes(), text.offset(), text.length());
        }
        byte[] last = literals[columns.size()];
        key.append(last, 0, last.length);
        if (key.length() == 0) {
            throw new IllegalArgumentException("row " + row + " makes an empty key from template '" + template
                    + "'; every row needs a key (the batch was not written)");
        }
        return key;
    }
}
