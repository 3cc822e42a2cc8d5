package dev.prodet.train.djl.internal.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * What one replica of a data-parallel step keeps to itself while replicas run concurrently on shared parameters:
 * its own copy of every batch-norm running statistic it updates (PyTorch updates them in place, so shared buffers
 * would be a data race), and its own sequence of random seeds. libtorch has one global generator; a random kernel of
 * a replica (noise, dropout, drop-connect) reseeds it from the replica's sequence and draws while holding a lock, so
 * the draws are the same whichever replica gets there first. After the step, {@link #mergeInto} sets each shared
 * statistic to the mean of the replicas' copies.
 */
public final class ReplicaState {
    private static final Object GLOBAL_GENERATOR = new Object();

    private final NDManager manager;
    private final SplittableRandom seeds;
    private final Map<String, NDArray> statistics = new LinkedHashMap<>();

    /** A replica whose copies live in {@code manager} (the replica's step manager) and whose draws follow {@code seed}. */
    public ReplicaState(NDManager manager, long seed) {
        this.manager = manager;
        this.seeds = new SplittableRandom(seed);
    }

    /** This replica's copy of the running statistic {@code name}, made from {@code shared} on first use. */
    NDArray statistic(String name, NDArray shared) {
        return statistics.computeIfAbsent(name, k -> {
            NDArray copy = shared.duplicate();
            copy.attach(manager);
            return copy;
        });
    }

    /** Runs one random kernel with libtorch's generator seeded from this replica's sequence. */
    NDArray draw(Supplier<NDArray> kernel) {
        synchronized (GLOBAL_GENERATOR) {
            Engine.getEngine("PyTorch").setRandomSeed(seeds.nextInt());
            return kernel.get();
        }
    }

    /**
     * Sets every running statistic the replicas updated to the mean of their copies, summed in replica order so the
     * result does not depend on which replica finished first.
     */
    public static void mergeInto(GraphBlock block, List<ReplicaState> replicas) {
        for (Map.Entry<String, NDArray> first : replicas.get(0).statistics.entrySet()) {
            String name = first.getKey();
            NDArray sum = first.getValue();
            for (ReplicaState r : replicas.subList(1, replicas.size())) {
                NDArray other = r.statistics.get(name);
                if (other == null) {
                    throw new IllegalStateException("replicas updated different statistics: " + name);
                }
                sum = sum.add(other);
            }
            NDArray mean = sum.div(sum.getManager().create((float) replicas.size()));
            // in place, with tensor operations: DJL's set(Buffer) goes through a deprecated libtorch guard that
            // prints a warning, and the parameter's array must stay the same object
            NDArray shared = block.parameter(name).getArray();
            shared.subi(shared).addi(mean);
        }
    }
}
