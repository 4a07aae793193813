package io.redisarrow.core.internal.source;

import reactor.core.publisher.Flux;

/**
 * Where the keys of a read come from: a SCAN cursor, or a search's cursor
 * ({@code core.internal.search.SearchReads#keys}); explicit key lists and cluster nodes plug in
 * here too. Implementations send a request to Redis only on demand.
 */
public interface KeySource {

    /**
     * @return the keys, lazily; each key present for the whole read at least once (a source
     *         states when one can come twice)
     */
    Flux<byte[]> keys();
}
