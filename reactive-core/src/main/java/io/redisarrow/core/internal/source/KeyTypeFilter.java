package io.redisarrow.core.internal.source;

import io.redisarrow.core.TypeFilter;
import org.jspecify.annotations.Nullable;

/**
 * The TYPE a scan's SCAN pages ask for, as the read's {@link TypeFilter} says: always, never, or
 * (AUTO) from the first time a fetch meets a key of another type on. Shared by the key source,
 * which reads it before each page, and the fetch stage, which reports other types. Thread-safe.
 */
public final class KeyTypeFilter {

    private final TypeFilter mode;

    private final String type;

    private volatile boolean on;

    /**
     * @param mode the read's choice
     * @param type the type name SCAN TYPE takes, such as {@code hash}
     */
    public KeyTypeFilter(TypeFilter mode, String type) {
        this.mode = mode;
        this.type = type;
        this.on = mode == TypeFilter.ALWAYS;
    }

    /** @return the TYPE for the next SCAN page, or null for none */
    public @Nullable String current() {
        return on ? type : null;
    }

    /** A fetch met keys of another type: under AUTO, later pages filter on the server. */
    public void otherTypeSeen() {
        if (mode == TypeFilter.AUTO) {
            on = true;
        }
    }
}
