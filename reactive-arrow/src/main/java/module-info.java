/**
 * Redis data as Apache Arrow record batches, streamed with Project Reactor.
 */
module io.redisarrow.arrow {
    requires transitive io.redisarrow.core;
    requires transitive org.apache.arrow.vector;
    requires transitive org.apache.arrow.memory.core;
    requires org.apache.arrow.format;
    requires tools.jackson.core;
    requires io.netty.buffer;
    requires static org.jspecify;
    // optional: RedisArrow.Builder.meterRegistry takes a MeterRegistry
    requires static micrometer.core;

    exports io.redisarrow.arrow;
}
