package io.redisarrow.arrow.internal.infer;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the evidence at a {@link JsonPlace} into an Arrow field. Objects become a Struct of their
 * members (a member nullable when some object lacks it or holds null there), or a
 * {@code Map<Utf8, T>} when they look like a dictionary (more than {@link #MAP_MIN_NAMES} distinct
 * member names, most of them rare: each in at most a tenth of the objects, or in one); arrays
 * become a List of their elements' type (List of Utf8 when every array was empty); scalars follow
 * {@link ScalarTypes}. A place that held values of more than one of object, array and scalar, or a
 * container below the nesting limit, is Utf8 (a Utf8 column takes any JSON value).
 */
final class JsonFields {

    /** More distinct member names than this, most of them rare, make objects a Map. */
    static final int MAP_MIN_NAMES = 64;

    /** A member name is rare when at most this share of the objects (or just one) hold it. */
    static final double RARE_SHARE = 0.1;

    static final String LIST_ITEM = "item";

    static final String MAP_ENTRIES = "entries";

    static final String MAP_KEY = "key";

    static final String MAP_VALUE = "value";

    private final ScalarTypes scalars;

    JsonFields(ScalarTypes scalars) {
        this.scalars = scalars;
    }

    /**
     * @param name the member's name
     * @param place its evidence
     * @param sampled how many objects could have held it (documents, for a top-level member)
     * @return the field, with its metadata
     */
    Field member(String name, JsonPlace place, long sampled) {
        boolean nullable = place.present() < sampled || hasNulls(place);
        return field(name, place, nullable, FieldMetadata.of(sampled, place.present(), place.values().kinds()));
    }

    private Field field(String name, JsonPlace place, boolean nullable, Map<String, String> metadata) {
        KindCounts kinds = place.values().kinds();
        boolean objects = kinds.count(ValueKind.OBJECT) > 0;
        boolean arrays = kinds.count(ValueKind.ARRAY) > 0;
        boolean scalar = kinds.nonNull() > kinds.count(ValueKind.OBJECT) + kinds.count(ValueKind.ARRAY);
        int shapes = (objects ? 1 : 0) + (arrays ? 1 : 0) + (scalar ? 1 : 0);
        if (place.tooDeep() || shapes > 1) {
            return leaf(name, nullable, ValueClassifier.UTF8, metadata);
        }
        if (objects) {
            return object(name, place, nullable, metadata);
        }
        if (arrays) {
            return list(name, place, nullable, metadata);
        }
        return leaf(name, nullable, scalars.decide(place.values(), ScalarTypes.Source.JSON), metadata);
    }

    private Field object(String name, JsonPlace place, boolean nullable, Map<String, String> metadata) {
        if (place.members().isEmpty()) {
            return map(name, nullable, metadata, null);
        }
        if (dictionary(place)) {
            JsonPlace values = new JsonPlace();
            place.members().values().forEach(values::addAll);
            return map(name, nullable, metadata, values);
        }
        List<Field> children = new ArrayList<>(place.members().size());
        place.members().forEach((member, child) -> children.add(member(member, child, place.objects())));
        return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null, metadata), children);
    }

    private Field list(String name, JsonPlace place, boolean nullable, Map<String, String> metadata) {
        Field item = place.hasElements() ? element(LIST_ITEM, place.elements())
                : leaf(LIST_ITEM, true, ValueClassifier.UTF8, null);
        return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null, metadata), List.of(item));
    }

    /** A Map: Utf8 keys, values of the merged member places (Utf8 when there are none). */
    private Field map(String name, boolean nullable, Map<String, String> metadata, JsonPlace values) {
        Field value = values == null ? leaf(MAP_VALUE, true, ValueClassifier.UTF8, null) : element(MAP_VALUE, values);
        Field key = leaf(MAP_KEY, false, ValueClassifier.UTF8, null);
        Field entries = new Field(MAP_ENTRIES, FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(key, value));
        return new Field(name, new FieldType(nullable, new ArrowType.Map(false), null, metadata), List.of(entries));
    }

    /** A list's elements or a map's values: nullable when a null was among them. */
    private Field element(String name, JsonPlace place) {
        return field(name, place, hasNulls(place), FieldMetadata.kindsOnly(place.values().kinds()));
    }

    private static Field leaf(String name, boolean nullable, ArrowType type, Map<String, String> metadata) {
        return new Field(name, new FieldType(nullable, type, null, metadata), null);
    }

    private static boolean hasNulls(JsonPlace place) {
        return place.values().kinds().count(ValueKind.NULL) > 0;
    }

    /** Many distinct member names, most of them in few objects: a dictionary rather than a record. */
    static boolean dictionary(JsonPlace place) {
        Map<String, JsonPlace> members = place.members();
        if (members.size() <= MAP_MIN_NAMES) {
            return false;
        }
        long rareLimit = Math.max(1, (long) Math.floor(place.objects() * RARE_SHARE));
        long rare = members.values().stream().filter(member -> member.present() <= rareLimit).count();
        return rare * 2 > members.size();
    }
}
