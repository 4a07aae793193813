package io.redisarrow.core.internal.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a scan restarts: never after a key not yet handed on (a restart from a later cursor would
 * lose it), and no earlier than the page it falls in (a restart from an earlier one would repeat
 * more than that page).
 */
class ScanPositionsUnitTests {

    private static byte[] c(String cursor) {
        return cursor.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void beforeAnyPageTheStartCursorIsTheAnswer() {
        ScanPositions positions = new ScanPositions("42");
        assertThat(positions.after(0)).isEqualTo(new ScanPositions.Position("42", false));
    }

    @Test
    void aPositionInsideAPageRestartsThatPageAndOneAtItsEndRestartsAfterIt() {
        ScanPositions positions = new ScanPositions("0");
        positions.page(c("0"), 3, c("17"));
        positions.page(c("17"), 2, c("9"));
        assertThat(positions.after(0)).isEqualTo(new ScanPositions.Position("0", false));
        assertThat(positions.after(2)).isEqualTo(new ScanPositions.Position("0", false));
        assertThat(positions.after(3)).isEqualTo(new ScanPositions.Position("17", false));
        assertThat(positions.after(4)).isEqualTo(new ScanPositions.Position("17", false));
        assertThat(positions.after(5)).isEqualTo(new ScanPositions.Position("9", false));
    }

    @Test
    void emptyPagesAreSkippedOverAndTheLastPageOfAFinishedScanSaysFinished() {
        ScanPositions positions = new ScanPositions("0");
        positions.page(c("0"), 2, c("5"));
        positions.page(c("5"), 0, c("6"));
        positions.page(c("6"), 0, c("7"));
        assertThat(positions.after(2)).isEqualTo(new ScanPositions.Position("7", false));
        positions.page(c("7"), 1, c("0"));
        assertThat(positions.after(2)).isEqualTo(new ScanPositions.Position("7", false));
        assertThat(positions.after(3)).isEqualTo(new ScanPositions.Position("0", true));
    }

    @Test
    void pagesBehindTheLastPositionAreForgottenSoManyEmptyPagesHoldNothing() {
        ScanPositions positions = new ScanPositions("0");
        for (int i = 0; i < 10_000; i++) {
            positions.page(c(Integer.toString(i)), 0, c(Integer.toString(i + 1)));
        }
        assertThat(positions.held()).isEqualTo(1);
        positions.page(c("10000"), 5, c("10001"));
        positions.page(c("10001"), 5, c("10002"));
        assertThat(positions.after(7)).isEqualTo(new ScanPositions.Position("10001", false));
        assertThat(positions.held()).isEqualTo(1);
    }
}
