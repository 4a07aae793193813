/**
 * What reads and writes report while they run: {@link io.redisarrow.core.internal.observe.Telemetry},
 * one per session, makes a {@link io.redisarrow.core.internal.observe.ReadObserver} per read on a
 * node, which logs through SLF4J and, when the application gave a Micrometer {@code MeterRegistry},
 * records meters. Micrometer is an optional dependency: only {@code MicrometerMeters} refers to it,
 * and it is loaded only when a registry is given. Internal, no compatibility promise.
 */
@NullMarked
package io.redisarrow.core.internal.observe;

import org.jspecify.annotations.NullMarked;
