package dev.prodet.face.internal.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LastUserTest {

    @Test
    void closesAtOnceWithoutUsers() {
        AtomicInteger closed = new AtomicInteger();
        LastUser u = new LastUser(closed::incrementAndGet);
        u.closeWhenIdle();
        u.closeWhenIdle();
        assertEquals(1, closed.get());
        assertFalse(u.enter());
    }

    @Test
    void waitsForTheLastUserAndRefusesNewOnes() {
        AtomicInteger closed = new AtomicInteger();
        LastUser u = new LastUser(closed::incrementAndGet);
        assertTrue(u.enter());
        assertTrue(u.enter());
        u.closeWhenIdle();
        assertFalse(u.enter(), "no new user once closing");
        u.exit();
        assertEquals(0, closed.get(), "one user still inside");
        u.exit();
        assertEquals(1, closed.get());
    }

    @Test
    void neverClosesUnderARunningUser() throws Exception {
        for (int round = 0; round < 200; round++) {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger violations = new AtomicInteger();
            AtomicInteger closed = new AtomicInteger();
            LastUser u = new LastUser(() -> {
                if (inside.get() != 0) {
                    violations.incrementAndGet();
                }
                closed.incrementAndGet();
            });
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < 4; t++) {
                pool.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    while (u.enter()) {
                        inside.incrementAndGet();
                        Thread.onSpinWait();
                        inside.decrementAndGet();
                        u.exit();
                    }
                });
            }
            go.countDown();
            Thread.sleep(1);
            u.closeWhenIdle();
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(0, violations.get());
            assertEquals(1, closed.get());
        }
    }
}
