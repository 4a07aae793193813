package io.redisarrow.benchmarks;

import java.util.List;

/**
 * What a run's tables show, in words built from their numbers: the targets against the
 * measurements, and the advice (batch size, parallel, projection, search vs scan, streaming vs
 * collecting) re-derived from them, including where they disagree with the seed's guide.
 */
final class Findings {

    private final List<Table> tables;

    Findings(List<Table> tables) {
        this.tables = tables;
    }

    String summary() {
        return "";
    }

    String advice() {
        return "";
    }
}
