package dev.prodet.face.internal.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NativePoolTest {

    static final class Res implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void createsLazilyReusesAndBlocksAtTheLimit() throws Exception {
        List<Res> created = new ArrayList<>();
        NativePool<Res> pool = new NativePool<>(
                () -> {
                    Res r = new Res();
                    created.add(r);
                    return r;
                },
                2);
        Res a = pool.acquire();
        Res b = pool.acquire();
        assertNotSame(a, b);
        CompletableFuture<Res> third = CompletableFuture.supplyAsync(pool::acquire);
        Thread.sleep(100);
        assertTrue(!third.isDone(), "a third caller waits while both objects are in use");
        pool.release(a);
        assertSame(a, third.get(5, TimeUnit.SECONDS));
        assertEquals(2, created.size());
        pool.release(b);
        pool.release(a);
        pool.close();
        assertTrue(created.stream().allMatch(r -> r.closed));
        assertThrows(IllegalStateException.class, () -> {
            pool.acquire(); // idle queue is empty after close, so this reaches the closed check
        });
    }
}
