/**
 * The Arrow side's internals: {@code decode} (raw batches into record batches),
 * {@code consumer} (one writer per vector type) and {@code json} (JSON into nested vectors).
 * Internal, no compatibility promise; see
 * {@code docs/architecture.md}.
 */
@NullMarked
package io.redisarrow.arrow.internal;

import org.jspecify.annotations.NullMarked;
