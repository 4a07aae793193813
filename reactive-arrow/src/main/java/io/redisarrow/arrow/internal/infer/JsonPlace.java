package io.redisarrow.arrow.internal.infer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evidence gathered at one place of the sampled JSON documents: a top-level member, a member
 * of the objects found at a place, or the elements of the arrays found at a place. It counts the
 * kinds of the values seen there, keeps the scalars the type rules need, and holds the places
 * below it: one per member name (in order of first appearance) and one for array elements. Not
 * thread-safe.
 */
final class JsonPlace {

    private final ValueSamples values = new ValueSamples();

    private final Map<String, JsonPlace> members = new LinkedHashMap<>();

    private JsonPlace elements;

    private long present;

    private long objects;

    private boolean tooDeep;

    /** @return the kinds of the values seen here, and the scalars kept */
    ValueSamples values() {
        return values;
    }

    /** @return the place of a member of the objects seen here, created at its first appearance */
    JsonPlace member(String name) {
        return members.computeIfAbsent(name, n -> new JsonPlace());
    }

    /** @return the places of the members of the objects seen here, in order of first appearance */
    Map<String, JsonPlace> members() {
        return members;
    }

    /** @return the place of the elements of the arrays seen here, created when first needed */
    JsonPlace elements() {
        if (elements == null) {
            elements = new JsonPlace();
        }
        return elements;
    }

    /** @return whether an array seen here had an element */
    boolean hasElements() {
        return elements != null && elements.values.kinds().nonNull() + elements.values.kinds().count(ValueKind.NULL) > 0;
    }

    /** An object seen here holds this member. */
    void markPresent() {
        present++;
    }

    /** @return how many objects seen at the parent place held this member */
    long present() {
        return present;
    }

    /** An object was seen here (its members are read into {@link #member(String)}). */
    void markObject() {
        objects++;
    }

    /** @return how many objects were seen here */
    long objects() {
        return objects;
    }

    /** A container was seen here below the nesting limit, and skipped. */
    void markTooDeep() {
        tooDeep = true;
    }

    /** @return whether a container was seen here below the nesting limit */
    boolean tooDeep() {
        return tooDeep;
    }

    /** Adds another place's evidence to this one's, members and elements included. */
    void addAll(JsonPlace other) {
        values.addAll(other.values);
        present += other.present;
        objects += other.objects;
        tooDeep |= other.tooDeep;
        other.members.forEach((name, place) -> member(name).addAll(place));
        if (other.elements != null) {
            elements().addAll(other.elements);
        }
    }
}
