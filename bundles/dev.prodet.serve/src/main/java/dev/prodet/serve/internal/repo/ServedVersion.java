package dev.prodet.serve.internal.repo;

import dev.prodet.api.model.ModelMetadata;
import dev.prodet.serve.internal.infer.InferenceModel;
import dev.prodet.serve.internal.infer.Runner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded model version with a reference count: the repository holds one reference while the version serves,
 * every request one more. Whoever drops the last reference closes the runner and the session, so a replaced version
 * closes exactly when its last in-flight request ends, and never while one runs.
 */
public final class ServedVersion {
    private final InferenceModel model;
    private final Runner runner;
    private final String fingerprint;
    private final RepositoryEvents events;
    private final AtomicInteger refs = new AtomicInteger(1); // the repository's reference
    private final AtomicBoolean retired = new AtomicBoolean();
    private volatile boolean closed;

    ServedVersion(InferenceModel model, Runner runner, String fingerprint, RepositoryEvents events) {
        this.model = model;
        this.runner = runner;
        this.fingerprint = fingerprint;
        this.events = events;
    }

    /** A lease, or {@code null} when the version has already been closed. */
    Lease tryAcquire() {
        for (int c = refs.get(); c > 0; c = refs.get()) {
            if (refs.compareAndSet(c, c + 1)) {
                return new Lease(this);
            }
        }
        return null;
    }

    void release() {
        if (refs.decrementAndGet() == 0) {
            closed = true;
            try {
                runner.close();
            } finally {
                model.close();
                events.closed(name(), version());
            }
        }
    }

    /** Drops the repository's reference (once); the version closes when no request holds it. */
    void retire() {
        if (retired.compareAndSet(false, true)) {
            release();
        }
    }

    /** Model name. */
    public String name() {
        return model.metadata().name();
    }

    /** Version name. */
    public String version() {
        return model.metadata().version();
    }

    /** The verified metadata. */
    public ModelMetadata metadata() {
        return model.metadata();
    }

    /** The loaded model. */
    public InferenceModel model() {
        return model;
    }

    /** The runner requests go through. */
    public Runner runner() {
        return runner;
    }

    /** Requests holding the version now. */
    public int inFlight() {
        return Math.max(0, refs.get() - (retired.get() ? 0 : 1));
    }

    /** Whether the session has been closed. */
    public boolean isClosed() {
        return closed;
    }

    String fingerprint() {
        return fingerprint;
    }
}
