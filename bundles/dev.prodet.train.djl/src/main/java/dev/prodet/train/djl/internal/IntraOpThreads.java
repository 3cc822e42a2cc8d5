package dev.prodet.train.djl.internal;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * How many threads libtorch's CPU kernels use in a run. {@code run.threads} when set; with 0, half the cores (at
 * least one), the other half left to the data workers that make the forgeries. The two sides cost about the same CPU
 * time per image, and sharing the cores beats letting both claim all of them: on 2 cores, 1 intra-op thread with the
 * workers on the other core trains at the speed of the model step alone, while 2 intra-op threads next to the
 * workers lose a third of it ({@code ./prodet bench train}, docs/benchmarks.md "Training throughput").
 */
final class IntraOpThreads {
    private IntraOpThreads() {}

    /** The thread count for {@code configured} ({@code run.threads}) on a machine with {@code cores} cores. */
    static int of(int configured, int cores) {
        return configured > 0 ? configured : Math.max(1, cores / 2);
    }

    /** Applies {@link #of} for this machine and returns the count; process-wide, so the last run started sets it. */
    static int apply(int configured) {
        return apply(configured, 1);
    }

    /**
     * As {@link #apply(int)} for a step of {@code replicas} concurrent replicas: each gets {@code threads / replicas}
     * intra-op threads (at least one). Returns the step's thread count.
     */
    static int apply(int configured, int replicas) {
        int threads = of(configured, Runtime.getRuntime().availableProcessors());
        Engine.getEngine("PyTorch"); // loads libtorch before the JNI call
        JniUtils.setNumThreads(Math.max(1, threads / replicas));
        return threads;
    }
}
