package io.redisarrow.core.internal.channel;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * The pooled allocator of the buffers the library's own connections read into and write from.
 */
public final class Buffers {

    /** Heap buffers: replies are parsed from their backing arrays, which beats byte-wise access to direct memory. */
    public static final ByteBufAllocator HEAP = new PooledByteBufAllocator(false);

    private Buffers() {
    }
}
