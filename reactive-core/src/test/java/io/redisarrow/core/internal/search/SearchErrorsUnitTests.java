package io.redisarrow.core.internal.search;

import io.lettuce.core.RedisCommandExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The messages of the query engine's error replies, as RediSearch 2.6 words them. */
class SearchErrorsUnitTests {

    static String explain(String command, String query, String reply) {
        return SearchErrors.explain(command, "idx", query, "h:1", new RedisCommandExecutionException(reply)).getMessage();
    }

    @Test
    void eachErrorSaysWhatToDo() {
        assertThat(explain("FT.INFO", null, "Unknown Index name")).contains("no search index 'idx' at h:1")
                .contains("FT._LIST");
        assertThat(explain("FT.AGGREGATE", "*", "idx: no such index")).contains("no search index 'idx'");
        assertThat(explain("FT.CURSOR READ", null, "Cursor not found")).contains("has expired")
                .contains("MAXIDLE").contains("maxIdle");
        assertThat(explain("FT.AGGREGATE", "@name:(", "Syntax error at offset 6 near name"))
                .contains("RediSearch rejected the query on index 'idx' at h:1: Syntax error at offset 6 near name")
                .contains("(query: @name:()");
        assertThat(explain("FT.AGGREGATE", "*", "OOM command not allowed")).startsWith("FT.AGGREGATE on index 'idx'")
                .contains("OOM").contains("(query: *)");
    }
}
