package io.redisarrow.core.internal.sample;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleFetchUnitTests {

    @Test
    void aKeyOfAnotherTypeOrOnAnotherNodeIsSkipped() {
        assertThat(SampleFetch.skipped(new RedisCommandExecutionException(
                "WRONGTYPE Operation against a key holding the wrong kind of value"))).isTrue();
        assertThat(SampleFetch.skipped(new RedisCommandExecutionException("MOVED 3999 127.0.0.1:6381"))).isTrue();
        assertThat(SampleFetch.skipped(new RedisCommandExecutionException("ASK 3999 127.0.0.1:6381"))).isTrue();
    }

    @Test
    void otherFailuresAreNotSkipped() {
        assertThat(SampleFetch.skipped(new RedisCommandExecutionException("ERR unknown command 'JSON.GET'"))).isFalse();
        assertThat(SampleFetch.skipped(new RedisCommandExecutionException("CLUSTERDOWN The cluster is down")))
                .isFalse();
        assertThat(SampleFetch.skipped(new RedisCommandExecutionException("ASKING is not a reply"))).isFalse();
        assertThat(SampleFetch.skipped(new RedisCommandExecutionException((String) null))).isFalse();
        assertThat(SampleFetch.skipped(new RedisCommandTimeoutException("MOVED 1 h:1"))).isFalse();
    }
}
