/**
 * Schema inference: the Arrow type of each field from sampled hashes and JSON documents, decided
 * by the same consumers scans decode with. Internal, no compatibility promise; the rules are in
 * {@code docs/schema-inference.md}.
 */
@NullMarked
package io.redisarrow.arrow.internal.infer;

import org.jspecify.annotations.NullMarked;
