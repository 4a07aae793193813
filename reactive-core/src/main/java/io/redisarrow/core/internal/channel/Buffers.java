package io.redisarrow.core.internal.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * The pooled allocator of the buffers the library's own connections read into and write from.
 */
public final class Buffers {

    /**
     * Heap buffers, for writes and for reads: replies are parsed in place from their backing arrays,
     * which beats copying each element out of direct memory. Netty reads a socket into an
     * {@code ioBuffer}, which a pooled allocator makes direct whatever it prefers, so this one
     * makes those heap buffers too (the JDK then copies each read from its own direct buffer at
     * once).
     */
    public static final ByteBufAllocator HEAP = new HeapAllocator();

    /** A pooled heap allocator whose I/O buffers are heap buffers too. */
    private static final class HeapAllocator extends PooledByteBufAllocator {

        HeapAllocator() {
            super(false);
        }

        @Override
        public ByteBuf ioBuffer() {
            return heapBuffer();
        }

        @Override
        public ByteBuf ioBuffer(int initialCapacity) {
            return heapBuffer(initialCapacity);
        }

        @Override
        public ByteBuf ioBuffer(int initialCapacity, int maxCapacity) {
            return heapBuffer(initialCapacity, maxCapacity);
        }
    }

    private Buffers() {
    }
}
