package io.redisarrow.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineUnitTests {

    private static final int WIDTH = 79;

    @Test
    void scanSaysOfAtMostTheKeyCountWithRowsTimesAndRate() {
        assertThat(new ProgressLine("export", 1_200, 3_000, 1_150, 3_000, 3.2, 359.4, 4.8, false).render(WIDTH))
                .as("83 characters with H:MM:SS").isEqualTo("export  40% 1,200 of at most 3,000 keys, 1,150 rows (0:03 / 0:05) 359 rows/s");
        assertThat(new ProgressLine("export", 1_200, 3_000, 1_150, 3_000, 3.2, 359.4, 4.8, false).render(100))
                .isEqualTo("export  40% 1,200 of at most 3,000 keys, 1,150 rows (0:00:03 / 0:00:05) 359 rows/s");
    }

    @Test
    void keysBeyondTheCountStayBelowAHundredPercentUntilTheEnd() {
        assertThat(new ProgressLine("export", 3_100, 3_000, 3_100, 3_000, 5, 620, 0, false).render(WIDTH))
                .isEqualTo("export  99% 3,100 of at most 3,000 keys, 3,100 rows (0:05 / 0:00) 620 rows/s");
        assertThat(new ProgressLine("export", 3_100, 3_000, 3_100, 3_000, 5, 620, -1, true).render(WIDTH))
                .as("once done, the count is exact").isEqualTo("export 100% 3,100 keys, 3,100 rows (0:00:05) 620 rows/s");
    }

    @Test
    void countsAndThenTimesAreShortenedToFit() {
        assertThat(new ProgressLine("export", 180_000, 300_020, 180_000, 300_020, 2.4, 119_000, 1.6, false).render(WIDTH))
                .isEqualTo("export  59% 180k of at most 300k keys, 180k rows (0:02 / 0:02) 119k rows/s");
        assertThat(new ProgressLine("export", 12_000, 30_000, 12_000, 30_000, 2.4, 5_000, 3.6, false).render(WIDTH))
                .isEqualTo("export  40% 12k of at most 30k keys, 12k rows (0:00:02 / 0:00:04) 5,000 rows/s");
        assertThat(new ProgressLine("export", 123_456_789, 987_654_321, 123_456_789, 987_654_321, 40_000, 3_086,
                280_000, false).render(WIDTH))
                .isEqualTo("export  12% 123.5M of at most 987.7M keys, 123.5M rows (11:06:40 / 77:46:40) 3,086 rows/s");
    }

    @Test
    void rowsAgainstAKnownTotalHaveABarThatFillsTheLine() {
        String line = new ProgressLine("export", -1, -1, 250, 500, 1, 250, 1, false).render(WIDTH);

        assertThat(line).hasSize(WIDTH).matches("export  50% \\[=+> +\\] 250 of 500 rows \\(0:00:01 / 0:00:01\\) 250 rows/s");
        assertThat(new ProgressLine("export", -1, -1, 500, 500, 2, 250, -1, true).render(WIDTH))
                .hasSize(WIDTH).matches("export 100% \\[=+\\] 500 rows \\(0:00:02\\) 250 rows/s");
    }

    @Test
    void rowsAloneWhenTheTotalIsUnknown() {
        assertThat(new ProgressLine("import", -1, -1, 12_345, -1, 61, 202, -1, false).render(WIDTH))
                .isEqualTo("import 12,345 rows (0:01:01) 202 rows/s");
        assertThat(new ProgressLine("export", 0, 5, 0, 5, 0, 0, -1, false).render(WIDTH))
                .as("no key yet: no ETA").isEqualTo("export   0% 0 of at most 5 keys, 0 rows (0:00:00 / ?) 0 rows/s");
    }

    @Test
    void barFillsAsTheWorkGoes() {
        assertThat(ProgressLine.bar(10, 0.0)).isEqualTo("[          ]");
        assertThat(ProgressLine.bar(10, 0.45)).isEqualTo("[====>     ]");
        assertThat(ProgressLine.bar(10, 1.0)).isEqualTo("[==========]");
    }

    @Test
    void timesAreHoursMinutesSeconds() {
        assertThat(ProgressLine.time(3_725.4, false)).isEqualTo("1:02:05");
        assertThat(ProgressLine.time(65, true)).isEqualTo("1:05");
        assertThat(ProgressLine.time(3_725, true)).as("an hour or more keeps its hours").isEqualTo("1:02:05");
    }
}
