package io.imgorigin.processing.admit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.imgorigin.processing.pipeline.OverloadedException;

class MemoryBudgetTest {

    @Test
    void reservationsAddUpAndAreGivenBackOnce() {
        MemoryBudget budget = new MemoryBudget(100, Duration.ZERO);
        MemoryBudget.Reservation a = budget.reserve(60);
        MemoryBudget.Reservation b = budget.reserve(40);
        assertThat(budget.used()).isEqualTo(100);
        a.close();
        a.close();
        assertThat(budget.used()).isEqualTo(40);
        b.close();
        assertThat(budget.used()).isZero();
    }

    @Test
    void overTheBudgetIsRefusedAfterTheWait() {
        MemoryBudget budget = new MemoryBudget(100, Duration.ofMillis(20));
        try (MemoryBudget.Reservation held = budget.reserve(80)) {
            assertThatThrownBy(() -> budget.reserve(30))
                    .isInstanceOf(OverloadedException.class)
                    .satisfies(e -> assertThat(((OverloadedException) e).reason()).isEqualTo(OverloadedException.Reason.MEMORY));
            assertThat(held.bytes()).isEqualTo(80);
        }
    }

    @Test
    void aWaitingRequestIsAdmittedWhenMemoryIsReleased() throws Exception {
        MemoryBudget budget = new MemoryBudget(100, Duration.ofSeconds(30));
        MemoryBudget.Reservation held = budget.reserve(100);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> waiting = pool.submit(() -> {
                try (MemoryBudget.Reservation r = budget.reserve(50)) {
                    return r.bytes();
                }
            });
            assertThat(waiting.isDone()).isFalse();
            held.close();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(50);
        }
    }

    @Test
    void anEstimateLargerThanTheBudgetRunsAlone() {
        MemoryBudget budget = new MemoryBudget(100, Duration.ZERO);
        try (MemoryBudget.Reservation huge = budget.reserve(10_000)) {
            assertThat(huge.bytes()).isEqualTo(100);
            assertThatThrownBy(() -> budget.reserve(1)).isInstanceOf(OverloadedException.class);
        }
        assertThat(budget.reserve(10_000).bytes()).isEqualTo(100);
    }
}
