package dev.prodet.serve.internal.load;

import dev.prodet.api.serve.ApiException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes that requests may hold at once: their bodies as they arrive, decoded images, video decoders. Every request
 * reserves before it allocates, so the sum stays under the budget whatever arrives; a request that would exceed it
 * is answered 503 with {@code Retry-After} at once, and one that could never fit is answered 413.
 */
public final class MemoryBudget {
    private final long capacity;
    private final int retryAfterSeconds;
    private final AtomicLong used = new AtomicLong();

    /**
     * @param capacity bytes in all
     * @param retryAfterSeconds the {@code Retry-After} of refusals
     */
    public MemoryBudget(long capacity, int retryAfterSeconds) {
        if (capacity < 1) {
            throw new IllegalArgumentException("memory budget must be >= 1 byte, got " + capacity);
        }
        this.capacity = capacity;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Bytes in all. */
    public long capacity() {
        return capacity;
    }

    /** Bytes reserved now. */
    public long used() {
        return used.get();
    }

    /** An empty reservation that grows as a body arrives. */
    public Reservation open() {
        return new Reservation();
    }

    /**
     * Reserves {@code bytes} for {@code what}.
     *
     * @throws ApiException 413 when {@code bytes} exceed the whole budget, 503 when they do not fit now
     */
    public Reservation reserve(long bytes, String what) throws ApiException {
        Reservation r = new Reservation();
        r.grow(bytes, what);
        return r;
    }

    private boolean take(long bytes) {
        for (long u = used.get(); ; u = used.get()) {
            if (u + bytes > capacity) {
                return false;
            }
            if (used.compareAndSet(u, u + bytes)) {
                return true;
            }
        }
    }

    /** Bytes held by one request; closing gives them back (once, from whichever thread answers the request). */
    public final class Reservation implements AutoCloseable {
        private long held;

        private Reservation() {}

        /**
         * Adds {@code bytes} to the reservation.
         *
         * @throws ApiException 413 when the request would need more than the whole budget, 503 when the bytes
         *     do not fit now
         */
        public synchronized void grow(long bytes, String what) throws ApiException {
            if (bytes <= 0) {
                return;
            }
            if (held + bytes > capacity) {
                throw new ApiException(
                        413,
                        "too-large-for-memory",
                        what + " needs " + mib(held + bytes) + " MiB, more than this server's whole memory budget of "
                                + mib(capacity) + " MiB");
            }
            if (!take(bytes)) {
                throw ApiException.busy(
                        503,
                        "memory-busy",
                        "the server is holding " + mib(used.get()) + " of its " + mib(capacity)
                                + " MiB for other requests; " + what + " needs " + mib(bytes)
                                + " MiB more; retry shortly",
                        retryAfterSeconds);
            }
            held += bytes;
        }

        /** Bytes held. */
        public synchronized long held() {
            return held;
        }

        @Override
        public synchronized void close() {
            if (held > 0) {
                used.addAndGet(-held);
                held = 0;
            }
        }
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
