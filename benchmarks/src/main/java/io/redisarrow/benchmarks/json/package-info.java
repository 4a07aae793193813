/**
 * The JSON benchmarks' data set (documents, keys and Arrow schema) and the hand-written Jackson-to-Arrow
 * converter the baselines use, shared by the throughput benchmark and the JMH decoder benchmark.
 */
package io.redisarrow.benchmarks.json;
