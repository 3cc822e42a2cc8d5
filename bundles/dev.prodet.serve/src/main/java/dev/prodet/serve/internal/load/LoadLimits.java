package dev.prodet.serve.internal.load;

/**
 * How much work and memory the runtime takes on at once.
 *
 * @param workers threads that decode, find faces and run models; requests beyond them wait in a queue
 * @param maxPending requests waiting for a worker at most; beyond that the answer is 429 at once
 * @param bodyTimeoutMillis a request body must arrive within this time, else 408 (slow uploads hold no thread, but
 *     they hold a connection and memory)
 * @param requestTimeoutMillis how long a request may wait for a worker and for its model
 * @param memoryBudgetBytes request bodies, decoded images and video decoders held at once, in bytes
 * @param retryAfterSeconds the {@code Retry-After} of 429 and 503 answers
 */
public record LoadLimits(
        int workers,
        int maxPending,
        long bodyTimeoutMillis,
        long requestTimeoutMillis,
        long memoryBudgetBytes,
        int retryAfterSeconds) {

    /** Validates the limits. */
    public LoadLimits {
        if (workers < 1
                || maxPending < 0
                || bodyTimeoutMillis < 1
                || requestTimeoutMillis < 1
                || memoryBudgetBytes < 1) {
            throw new IllegalArgumentException("workers, bodyTimeoutMillis, requestTimeoutMillis and memoryBudgetBytes"
                    + " must be >= 1 and maxPending >= 0, got " + workers + ", " + bodyTimeoutMillis + ", "
                    + requestTimeoutMillis + ", " + memoryBudgetBytes + ", " + maxPending);
        }
    }
}
