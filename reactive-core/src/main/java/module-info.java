/**
 * Redis side of redis-arrow (Lettuce + Reactor, no Arrow).
 */
module io.redisarrow.core {
    requires transitive lettuce.core;
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.codec;
    requires io.netty.handler;
    requires static org.jspecify;
    requires org.slf4j;
    // optional: only internal.observe.MicrometerMeters uses it, when a MeterRegistry is given
    requires static micrometer.core;

    exports io.redisarrow.core;
    exports io.redisarrow.core.internal.plan to io.redisarrow.arrow;
    exports io.redisarrow.core.internal.resp to io.redisarrow.arrow;
    exports io.redisarrow.core.internal.observe to io.redisarrow.arrow;
}
