/**
 * JMH microbenchmarks of redis-arrow's per-type decoders against hand-written ones and of its JSON document
 * decoder against Jackson, and the runner that writes their report.
 */
package io.redisarrow.benchmarks.jmh;
