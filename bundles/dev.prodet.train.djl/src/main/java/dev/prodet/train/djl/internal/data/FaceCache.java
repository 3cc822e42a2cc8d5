package dev.prodet.train.djl.internal.data;

import dev.prodet.api.data.FaceSample;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The crops training holds in memory: a least-recently-used cache of loaded faces by position, bounded in bytes, so
 * that memory does not grow with the dataset (the FaceForensics++ training split would take about 22 GB if every
 * crop stayed loaded). Loading happens outside the lock, so worker threads decode in parallel; two threads missing
 * the same face may both load it, which costs time but never correctness. Thread-safe.
 */
final class FaceCache {
    private final IntFunction<FaceSample> loader;
    private final long budgetBytes;
    private final LinkedHashMap<Integer, FaceSample> lru = new LinkedHashMap<>(64, 0.75f, true);
    private final AtomicLong loads = new AtomicLong();
    private long bytes;

    /**
     * @param loader loads the face at a position (the dataset's lazy sample list)
     * @param budgetBytes the most crop bytes held at once, &gt; 0; at least one face is always kept
     */
    FaceCache(IntFunction<FaceSample> loader, long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("face cache budget must be > 0 bytes, got " + budgetBytes);
        }
        this.loader = loader;
        this.budgetBytes = budgetBytes;
    }

    /** The face at {@code position}, loaded when it is not in memory. */
    FaceSample get(int position) {
        synchronized (lru) {
            FaceSample hit = lru.get(position);
            if (hit != null) {
                return hit;
            }
        }
        FaceSample loaded = loader.apply(position);
        loads.incrementAndGet();
        synchronized (lru) {
            if (lru.put(position, loaded) == null) {
                bytes += size(loaded);
            }
            var it = lru.entrySet().iterator();
            while (bytes > budgetBytes && lru.size() > 1 && it.hasNext()) {
                Map.Entry<Integer, FaceSample> eldest = it.next();
                if (eldest.getKey() != position) {
                    bytes -= size(eldest.getValue());
                    it.remove();
                }
            }
        }
        return loaded;
    }

    /** Faces loaded from the dataset so far (misses). */
    long loads() {
        return loads.get();
    }

    /** Crop bytes held now. */
    long bytes() {
        synchronized (lru) {
            return bytes;
        }
    }

    private static long size(FaceSample s) {
        return 3L * s.face().width() * s.face().height();
    }
}
