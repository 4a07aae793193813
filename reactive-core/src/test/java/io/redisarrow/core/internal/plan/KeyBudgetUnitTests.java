package io.redisarrow.core.internal.plan;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyBudgetUnitTests {

    @Test
    void grantsNoMoreKeysThanRowsAreStillWanted() {
        KeyBudget budget = new KeyBudget(150);
        assertThat(budget.reserve(100).block()).isEqualTo(100);
        assertThat(budget.reserve(100).block()).isEqualTo(50);
    }

    @Test
    void waitsWhileEveryWantedRowIsInFlightAndResumesWhenKeysYieldNoRow() {
        KeyBudget budget = new KeyBudget(10);
        assertThat(budget.reserve(10).block()).isEqualTo(10);
        StepVerifier.create(budget.reserve(10))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(50))
                .then(() -> budget.returned(10, 7))
                .expectNext(3)
                .verifyComplete();
    }

    @Test
    void keysThatAllYieldRowsLeaveNothingWanted() {
        KeyBudget budget = new KeyBudget(5);
        budget.reserve(5).block();
        budget.returned(5, 5);
        StepVerifier.create(budget.reserve(5)).expectSubscription().expectNoEvent(Duration.ofMillis(50)).thenCancel()
                .verify();
    }

    @Test
    void reservationsOfSeveralNodesWaitInTurnAndAreServedInOrder() {
        KeyBudget budget = new KeyBudget(4);
        assertThat(budget.reserve(4).block()).isEqualTo(4);
        java.util.List<Integer> served = new java.util.concurrent.CopyOnWriteArrayList<>();
        budget.reserve(3).subscribe(granted -> served.add(granted));
        budget.reserve(3).subscribe(granted -> served.add(-granted));
        assertThat(served).isEmpty();
        budget.returned(4, 0); // a node's batch came back empty: four keys wanted again
        assertThat(served).containsExactly(3, -1);
    }

    @Test
    void aCancelledReservationDoesNotTakeKeysFromTheNext() {
        KeyBudget budget = new KeyBudget(2);
        budget.reserve(2).block();
        reactor.core.Disposable first = budget.reserve(2).subscribe();
        java.util.List<Integer> served = new java.util.concurrent.CopyOnWriteArrayList<>();
        budget.reserve(2).subscribe(served::add);
        first.dispose();
        budget.returned(2, 0);
        assertThat(served).containsExactly(2);
    }

    @Test
    void unusedReservationsAreGivenBack() {
        KeyBudget budget = new KeyBudget(8);
        assertThat(budget.reserve(8).block()).isEqualTo(8);
        budget.unused(3);
        assertThat(budget.reserve(8).block()).isEqualTo(3);
    }

    @Test
    void thePullerHandsOutExactlyTheKeysAskedForThenWhatIsLeftThenNothing() {
        long[] requested = { 0 };
        Flux<byte[]> keys = Flux.range(0, 7).map(i -> ("k" + i).getBytes(StandardCharsets.UTF_8))
                .doOnRequest(n -> requested[0] += n);
        KeyPuller puller = new KeyPuller(keys);
        assertThat(names(puller.next(3).block())).containsExactly("k0", "k1", "k2");
        assertThat(requested[0]).isEqualTo(3);
        assertThat(names(puller.next(3).block())).containsExactly("k3", "k4", "k5");
        assertThat(names(puller.next(3).block())).containsExactly("k6");
        assertThat(puller.next(3).block()).isEmpty();
    }

    static List<String> names(List<byte[]> keys) {
        return keys.stream().map(k -> new String(k, StandardCharsets.UTF_8)).toList();
    }
}
