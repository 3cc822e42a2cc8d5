package dev.prodet.serve.internal.repo;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's hold on a model version: while any lease is open the version's session stays open, even after a
 * newer version has replaced it. Close it exactly when the request is done (try-with-resources).
 */
public final class Lease implements AutoCloseable {
    private final ServedVersion version;
    private final AtomicBoolean open = new AtomicBoolean(true);

    Lease(ServedVersion version) {
        this.version = version;
    }

    /** The model version held. */
    public ServedVersion version() {
        return version;
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            version.release();
        }
    }
}
