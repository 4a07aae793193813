package io.redisarrow.arrow;

import io.redisarrow.core.ScanCheckpoint;
import org.jspecify.annotations.Nullable;

import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.TypeFilter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;
import java.util.Objects;

/**
 * The setters every scan of keys shares: which keys SCAN finds, on top of those every read shares
 * ({@link ReadOptionsBuilder}).
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class KeyScanBuilder<B extends KeyScanBuilder<B>> extends ReadOptionsBuilder<B> {

    KeyScanBuilder() {
    }

    /**
     * @param pattern SCAN MATCH glob, see {@link HashScan#DEFAULT_PATTERN}
     * @return this builder
     */
    public B pattern(String pattern) {
        read.pattern(pattern);
        return self();
    }

    /**
     * SCAN COUNT. When not set: {@code batchSize x parallel} (at most
     * {@link ReadRequest#MAX_AUTO_COUNT_HINT}), so one SCAN round trip yields keys for every
     * pipeline. SCAN pages come one round trip after another, so a scan reads at most COUNT
     * keys per round trip; behind network latency a COUNT of one batch keeps the scan at one
     * batch per round trip whatever {@code parallel} is (see the benchmark's latency sweep).
     *
     * @param countHint SCAN COUNT
     * @return this builder
     */
    public B countHint(int countHint) {
        read.countHint(countHint);
        return self();
    }

    /**
     * Whether SCAN filters keys by type on the server ({@code SCAN ... TYPE t}, Redis 6.0+). Keys
     * of other types are skipped whatever is chosen: without the filter, their fetch answers
     * WRONGTYPE (MGET, for strings, answers nil) and they yield no row. The filter costs the server
     * time per scanned key, and WRONGTYPE replies cost round-trip time per skipped key (the
     * benchmark's reader table measures both). {@link TypeFilter#AUTO}, the default of hash and
     * JSON scans, starts without it and turns it on from the first key of another type on; string
     * scans filter always by default ({@link StringScan#DEFAULT_TYPE_FILTER}).
     *
     * @param typeFilter when SCAN sends {@code TYPE}; see {@link HashScan#DEFAULT_TYPE_FILTER}
     * @return this builder
     */
    public B typeFilter(TypeFilter typeFilter) {
        read.typeFilter(typeFilter);
        return self();
    }

    /**
     * Starts the scan where an earlier scan of the same pattern stood: each node's SCAN continues
     * from the checkpoint's cursor (or starts over where the node restarted, failed over or serves
     * other slots), the row index continues from the rows delivered before, and {@code limit}
     * counts them too. At least once: no key present for the whole scan is lost across the resume;
     * keys near the checkpoint may come again (see {@link ScanCheckpoint}).
     *
     * @param checkpoint {@link RecordBatch#checkpoint()} of the last batch handled, or null to scan
     *        from the start
     * @return this builder
     * @throws IllegalArgumentException at {@code build()} when the checkpoint was taken from a scan
     *         of another pattern
     */
    public B resumeFrom(@Nullable ScanCheckpoint checkpoint) {
        read.resumeFrom(checkpoint);
        return self();
    }

    /**
     * @param typeFilter {@code true}: {@link TypeFilter#ALWAYS}; {@code false}:
     *        {@link TypeFilter#NEVER} (for servers older than 6.0)
     * @return this builder
     */
    public B typeFilter(boolean typeFilter) {
        return typeFilter(typeFilter ? TypeFilter.ALWAYS : TypeFilter.NEVER);
    }


    /**
     * @param schema a schema that must hold exactly one field
     * @param what what the field stands for, for the message
     * @return the schema's one field
     * @throws IllegalArgumentException saying how many fields the schema has
     */
    static Field oneField(Schema schema, String what) {
        Objects.requireNonNull(schema, "schema must not be null");
        List<Field> fields = schema.getFields();
        if (fields.size() != 1) {
            throw new IllegalArgumentException("schema must have exactly one field, " + what + "; it has "
                    + (fields.isEmpty() ? "none" : fields.size() + ": " + fields.stream().map(Field::getName).toList()));
        }
        return fields.get(0);
    }
}
