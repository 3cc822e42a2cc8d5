package dev.prodet.serve.internal.detect;

import dev.prodet.api.face.FacePreprocessorInfo;

/**
 * The face stage in place now. A swap of the face detector replaces the face preprocessor service: for a moment
 * there is none, and calls that were already on their way reach the old one. Requests wait here, for a bounded time,
 * for a stage other than the one that failed them, instead of answering 503 in the middle of a routine swap.
 */
public final class FaceStages {
    private FaceStage current; // guarded by this
    private boolean everBound; // guarded by this

    /** The stage to use from now on. */
    public synchronized void set(FaceStage stage) {
        current = stage;
        everBound = true;
        notifyAll();
    }

    /** Forgets {@code stage} if it is the current one (its service went away). */
    public synchronized void remove(FaceStage stage) {
        if (current == stage) {
            current = null;
        }
    }

    /** The stage in place now, or null. */
    public synchronized FaceStage now() {
        return current;
    }

    /** What the stage in place now finds and crops faces with, or null when there is none. */
    public synchronized FacePreprocessorInfo info() {
        return current == null ? null : current.info();
    }

    /**
     * A stage other than {@code failed}, waiting up to {@code millis} while there is none or only {@code failed}. A
     * runtime that never had a stage answers at once (null).
     */
    public synchronized FaceStage await(FaceStage failed, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (everBound && (current == null || current == failed)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return current == failed ? null : current;
    }
}
