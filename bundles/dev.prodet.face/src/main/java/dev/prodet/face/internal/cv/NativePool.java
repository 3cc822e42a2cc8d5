package dev.prodet.face.internal.cv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * A bounded pool of native objects that must not be used by two threads at once (an OpenCV {@code dnn::Net}, a
 * {@code CascadeClassifier}). Objects are created on demand, at most {@code max} of them; a caller beyond that
 * waits for one to be released.
 *
 * @param <T> the pooled object
 */
public final class NativePool<T extends AutoCloseable> implements AutoCloseable {

    private final Supplier<T> factory;
    private final BlockingQueue<T> idle;
    private final List<T> all = new ArrayList<>();
    private final int max;
    private boolean closed;

    /**
     * @param factory creates one object; called lazily
     * @param max most objects alive at once, &ge; 1
     */
    public NativePool(Supplier<T> factory, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, got: " + max);
        }
        this.factory = factory;
        this.max = max;
        this.idle = new ArrayBlockingQueue<>(max);
    }

    /** Takes an object, creating one when none is idle and fewer than {@code max} exist, else waiting. */
    public T acquire() {
        T t = idle.poll();
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("pool is closed (its component was deactivated)");
            }
            if (all.size() < max) {
                T created = factory.get();
                all.add(created);
                return created;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free native object", e);
        }
    }

    /** Returns an object taken with {@link #acquire()}. */
    public void release(T t) {
        if (!idle.offer(t)) { // the queue holds every pooled object, so this means a foreign or double release
            throw new IllegalStateException("released an object this pool did not hand out, or released it twice");
        }
    }

    /** Closes every object; callers must have released theirs. */
    @Override
    public synchronized void close() {
        closed = true;
        for (T t : all) {
            try {
                t.close();
            } catch (Exception e) {
                // closing native memory cannot meaningfully fail; nothing else to do at shutdown
            }
        }
        all.clear();
        idle.clear();
    }
}
