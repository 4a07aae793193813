package io.redisarrow.core.internal.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunIdsUnitTests {

    @Test
    void theRunIdIsReadFromInfoServerAndIsEmptyWhenAbsent() {
        assertThat(RunIds.parse("# Server\r\nredis_version:7.0.15\r\nrun_id:6f1c0a\r\ntcp_port:6379\r\n")).isEqualTo("6f1c0a");
        assertThat(RunIds.parse("run_id:abc")).isEqualTo("abc");
        assertThat(RunIds.parse("# Server\r\nredis_version:7.0.15\r\n")).isEmpty();
    }
}
