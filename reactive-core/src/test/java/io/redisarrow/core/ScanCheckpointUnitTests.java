package io.redisarrow.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A checkpoint survives its text form exactly, whatever its pattern holds, and bad text is refused. */
class ScanCheckpointUnitTests {

    private static final ScanCheckpoint.Node NODE = new ScanCheckpoint.Node("abc", "10.0.0.1:7000", "run1",
            "0-5460,5462", "18446744073709551615", false, 1234);

    @Test
    void theTextFormReadsBackToAnEqualCheckpoint() {
        ScanCheckpoint checkpoint = new ScanCheckpoint("user:{ü};,*\\[a-z]?", 99, List.of(NODE,
                new ScanCheckpoint.Node("def", "10.0.0.2:7001", "run2", "5461-16383", "0", true, 7)), "5-9,100");
        ScanCheckpoint back = ScanCheckpoint.parse(checkpoint.toString());
        assertThat(back).isEqualTo(checkpoint);
        assertThat(back.pattern()).isEqualTo("user:{ü};,*\\[a-z]?");
        assertThat(back.nodes()).containsExactly(checkpoint.nodes().toArray(new ScanCheckpoint.Node[0]));
        assertThat(back.keysDelivered()).isEqualTo(1241);
        assertThat(back.finished()).isFalse();
    }

    @Test
    void aCheckpointIsFinishedOnlyWhenEveryNodeIsAndNoSlotIsLeftToReadAgain() {
        ScanCheckpoint.Node done = new ScanCheckpoint.Node("", "h:1", "r", "", "0", true, 5);
        assertThat(new ScanCheckpoint("*", 5, List.of(done), "").finished()).isTrue();
        assertThat(new ScanCheckpoint("*", 5, List.of(done), "7").finished()).isFalse();
        assertThat(new ScanCheckpoint("*", 5, List.of(done, NODE), "").finished()).isFalse();
    }

    @Test
    void textThatIsNotACheckpointIsRefusedSayingWhy() {
        assertThatThrownBy(() -> ScanCheckpoint.parse("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a redis-arrow scan checkpoint").hasMessageContaining("hello");
        String good = new ScanCheckpoint("*", 1, List.of(NODE), "").toString();
        assertThatThrownBy(() -> ScanCheckpoint.parse(good.replace("1234", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScanCheckpoint.parse(good.replace("open", "half"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("done or open");
        assertThatThrownBy(() -> ScanCheckpoint.parse(good.replace("18446744073709551615", "12a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
    }
}
