package io.redisarrow.arrow.internal.json;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * Where the decoder is inside a document, kept cheaply while decoding (a root, then one slot per
 * level: a member name or an element index) and rendered as a JSONPath only for a message, such as
 * {@code $.items[3].price}. Only levels the schema reaches are recorded, so the stack is as deep as
 * the schema, not as the document.
 */
final class PathStack {

    private String root = "$";

    private @Nullable String[] names = new String[8];

    private int[] indexes = new int[8];

    private int depth;

    /** Starts a new path at {@code root}, such as {@code $} or a path column's own path. */
    void reset(String root) {
        this.root = root;
        depth = 0;
    }

    /** Enters a member, its name set by {@link #name(String)} (until then the level renders as nothing). */
    void pushMember() {
        grow();
        names[depth] = null;
        indexes[depth] = -1;
        depth++;
    }

    /** Enters an element, its index set by {@link #index(int)}. */
    void pushElement() {
        grow();
        names[depth] = null;
        indexes[depth] = 0;
        depth++;
    }

    /** Names the member at the top. */
    void name(String name) {
        names[depth - 1] = name;
    }

    /** Sets the index of the element at the top. */
    void index(int index) {
        indexes[depth - 1] = index;
    }

    void pop() {
        depth--;
    }

    /** @return the path, such as {@code $.address['zip code']} or {@code $.items[3]} */
    String render() {
        StringBuilder path = new StringBuilder(root);
        for (int i = 0; i < depth; i++) {
            String name = names[i];
            if (name != null) {
                JsonPathSyntax.appendMember(path, name);
            } else if (indexes[i] >= 0) {
                path.append('[').append(indexes[i]).append(']');
            }
        }
        return path.toString();
    }

    /** @return the path with one more member, for a member that is not there */
    String render(String member) {
        StringBuilder path = new StringBuilder(render());
        JsonPathSyntax.appendMember(path, member);
        return path.toString();
    }

    private void grow() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
    }
}
