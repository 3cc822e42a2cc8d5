package dev.prodet.serve.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.serve.ApiException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void reservationsAddUpAndAreGivenBackOnce() throws Exception {
        MemoryBudget b = new MemoryBudget(100, 2);
        MemoryBudget.Reservation a = b.reserve(60, "a");
        MemoryBudget.Reservation c = b.open();
        c.grow(30, "c");
        assertEquals(90, b.used());
        ApiException busy = assertThrows(ApiException.class, () -> c.grow(20, "c"));
        assertEquals(503, busy.status());
        assertEquals(2, busy.retryAfterSeconds());
        assertEquals(90, b.used(), "a refused growth takes nothing");
        ApiException never = assertThrows(ApiException.class, () -> b.reserve(101, "huge"));
        assertEquals(413, never.status());
        a.close();
        a.close();
        assertEquals(30, b.used());
        c.close();
        assertEquals(0, b.used());
    }

    @Test
    void concurrentReservationsNeverExceedTheBudget() throws Exception {
        MemoryBudget b = new MemoryBudget(1000, 1);
        AtomicInteger over = new AtomicInteger();
        Thread[] ts = new Thread[8];
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < ts.length; t++) {
            ts[t] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    try (MemoryBudget.Reservation r = b.reserve(300, "x")) {
                        if (b.used() > 1000) {
                            over.incrementAndGet();
                        }
                    } catch (ApiException e) {
                        // refused: fine
                    }
                }
            });
            ts[t].start();
        }
        go.countDown();
        for (Thread t : ts) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(0, over.get());
        assertEquals(0, b.used());
    }

    @Test
    void aFullQueueIsRefusedAtOnceWith429() throws Exception {
        Workers w = new Workers(1, 1, 3);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        w.submit(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        w.submit(() -> {}); // queued
        ApiException e = assertThrows(ApiException.class, () -> w.submit(() -> {}));
        assertEquals(429, e.status());
        assertEquals(3, e.retryAfterSeconds());
        assertEquals(1, w.busy());
        assertEquals(1, w.pending());
        release.countDown();
        w.close();
    }
}
