package dev.prodet.face.internal.cv;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes a native resource after its last user: an ONNX Runtime session or OpenCV object closed while another
 * thread runs it crashes the JVM, and Declarative Services deactivates a swapped component while requests may still
 * be inside it. Each use is bracketed by {@link #enter()} and {@link #exit()}; {@link #closeWhenIdle()} refuses new
 * users and runs the close action when the last one leaves (at once if there is none).
 */
public final class LastUser {
    private static final int CLOSING = 1 << 30; // flag bit beside the user count

    private final AtomicInteger state = new AtomicInteger();
    private final Runnable close;

    /** @param close frees the resource; runs exactly once */
    public LastUser(Runnable close) {
        this.close = close;
    }

    /** Registers a user; false once closing has begun (the caller must not touch the resource). */
    public boolean enter() {
        for (int s = state.get(); ; s = state.get()) {
            if ((s & CLOSING) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /** Ends a use begun by a successful {@link #enter()}. */
    public void exit() {
        if (state.decrementAndGet() == CLOSING) {
            close.run();
        }
    }

    /** Refuses new users and closes the resource when the current ones have left. Later calls do nothing. */
    public void closeWhenIdle() {
        for (int s = state.get(); (s & CLOSING) == 0; s = state.get()) {
            if (state.compareAndSet(s, s | CLOSING)) {
                if (s == 0) {
                    close.run();
                }
                return;
            }
        }
    }

    /** Users inside now. */
    public int users() {
        return state.get() & ~CLOSING;
    }
}
