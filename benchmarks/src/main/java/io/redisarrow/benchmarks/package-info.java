/**
 * Measures redis-arrow against the server's ceiling and the readers users would write by hand, in one run.
 */
package io.redisarrow.benchmarks;
