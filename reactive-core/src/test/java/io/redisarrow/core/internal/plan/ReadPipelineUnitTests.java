package io.redisarrow.core.internal.plan;

import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trips in flight that fail together (the server is gone) reach the subscriber as one
 * failure, the first, with the others suppressed in it.
 */
class ReadPipelineUnitTests {

    @Test
    void failuresTogetherBecomeTheFirstWithTheOthersSuppressed() {
        IOException first = new IOException("connection to 127.0.0.1:6379 lost");
        IOException second = new IOException("connection to 127.0.0.1:6379 lost, again");
        Throwable reported = ReadPipeline.first(Exceptions.multiple(first, second));
        assertThat(reported).isSameAs(first);
        assertThat(reported.getSuppressed()).containsExactly(second);
    }

    @Test
    void theSameFailureTwiceIsNotSuppressedInItself() {
        IOException once = new IOException("gone");
        assertThat(ReadPipeline.first(Exceptions.multiple(once, once)).getSuppressed()).isEmpty();
    }
}
