package io.redisarrow.arrow.internal;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/** An allocator per test, asserted empty and closed when the test ends. */
public abstract class AllocatorTestSupport {

    /** The test's allocator. */
    protected BufferAllocator allocator;

    @BeforeEach
    void openAllocator() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void closeAllocator() {
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        allocator.close();
    }
}
