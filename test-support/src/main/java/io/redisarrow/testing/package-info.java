/**
 * Real Redis servers for tests, demos and benchmarks: a local redis-server process and a JUnit extension that provides one.
 */
package io.redisarrow.testing;
