/**
 * The Arrow side's internals: {@code decode} (raw batches into record batches) and
 * {@code consumer} (one writer per vector type). Internal, no compatibility promise; see
 * {@code docs/architecture.md}.
 */
@NullMarked
package io.redisarrow.arrow.internal;

import org.jspecify.annotations.NullMarked;
