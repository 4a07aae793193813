/**
 * A Spring WebFlux service over redis-arrow: {@code GET /users} streams a scan of the {@code user:*}
 * hashes as Arrow IPC or NDJSON, {@code GET /users/search} streams a RediSearch query the same way,
 * and {@code POST /users} writes an Arrow IPC upload as hashes. Run {@link
 * io.redisarrow.samples.webflux.UsersApplication}.
 */
package io.redisarrow.samples.webflux;
