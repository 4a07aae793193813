/**
 * Analytics over Redis data: SQL with DuckDB reading scanned batches through the Arrow C Data
 * interface, and running aggregates computed with plain Reactor operators while a scan runs. Only
 * {@link io.redisarrow.samples.analytics.Analytics} is public: the rest is the code to copy.
 */
package io.redisarrow.samples.analytics;
