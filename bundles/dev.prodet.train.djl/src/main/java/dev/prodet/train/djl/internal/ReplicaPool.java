package dev.prodet.train.djl.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.prodet.train.api.StepLoss;
import dev.prodet.train.djl.internal.nn.ReplicaState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Data-parallel replicas inside one process ({@code run.replicas}). A batch of N tuples is split into R groups of
 * N/R tuples; each group runs forward, loss and backward on its own thread against the shared parameters, with its
 * own batch-norm statistics, as PyTorch's DistributedDataParallel does across processes without SyncBatchNorm. The
 * backward passes add their gradients (each loss scaled by 1/R, so the update is that of the mean loss) into the
 * parameters' gradients; libtorch serialises the accumulation per parameter. With two replicas the sum is the same in
 * either order; with more running at once the order, and so the last bits of a sum, can vary from run to run.
 * Afterwards the running statistics are the mean of the replicas' copies.
 *
 * <p>Why: at 1 intra-op thread the step runs about a thousand small operators whose parallel regions cost more to
 * start than they save at 2 threads; two replicas of 1 thread each keep both cores busy instead (docs/benchmarks.md,
 * "Training throughput"). The result depends on R, not on the thread count: R replicas on fewer threads run in
 * turn, in replica order, and give the same numbers (bit for bit with two replicas, see above).
 */
final class ReplicaPool implements AutoCloseable {
    private final int replicas;
    private final ExecutorService threads;

    /** {@code replicas} groups per batch, run on {@code min(replicas, threads)} threads. */
    ReplicaPool(int replicas, int threads) {
        if (replicas < 2) {
            throw new IllegalArgumentException("a replica pool needs at least 2 replicas, got " + replicas);
        }
        this.replicas = replicas;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Math.max(1, Math.min(replicas, threads)), r -> {
            Thread t = new Thread(r, "prodet-replica-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Forward and backward of every replica of {@code batch}; the caller then updates the parameters. */
    TrainingSession.StepResult step(TrainingSession session, Batch batch, long step, Set<String> touched) {
        if (batch.tuples() % replicas != 0) {
            throw new IllegalArgumentException(
                    "a batch of " + batch.tuples() + " tuples cannot be split into " + replicas + " replicas");
        }
        long stepSeed = session.engineSeed(step);
        List<NDManager> managers = new ArrayList<>();
        List<ReplicaState> states = new ArrayList<>();
        List<Future<StepLoss>> losses = new ArrayList<>();
        try {
            for (int r = 0; r < replicas; r++) {
                NDManager sub = session.manager().newSubManager();
                managers.add(sub);
                ReplicaState state = new ReplicaState(sub, Seeds.mix(stepSeed, r));
                states.add(state);
                Batch part = batch.tuplesPart(r, replicas);
                SplittableRandom rng = new SplittableRandom(Seeds.mix(session.strategySeed(step), r));
                losses.add(threads.submit(() -> forwardBackward(session, sub, part, rng, step, touched, state)));
            }
            double total = 0;
            Map<String, Double> parts = new LinkedHashMap<>();
            for (Future<StepLoss> f : losses) {
                StepLoss loss = f.get();
                total += loss.totalValue() / replicas;
                loss.componentValues().forEach((k, v) -> parts.merge(k, v / replicas, Double::sum));
            }
            ReplicaState.mergeInto(session.block(), states);
            return new TrainingSession.StepResult(step, total, parts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replicas of step " + step + " ran", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a replica of step " + step + " failed: " + cause, cause);
        } finally {
            awaitAll(losses); // no manager closes while a replica still uses it, even when the caller is interrupted
            managers.forEach(NDManager::close);
        }
    }

    private static void awaitAll(List<Future<StepLoss>> futures) {
        boolean interrupted = false;
        for (Future<StepLoss> f : futures) {
            while (!f.isDone()) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break; // reported by the caller
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private StepLoss forwardBackward(
            TrainingSession session,
            NDManager sub,
            Batch part,
            SplittableRandom rng,
            long step,
            Set<String> touched,
            ReplicaState state) {
        // grad mode is thread-local; DJL's GradientCollector allows one collector per process, so the replicas
        // record and run the backward pass through the JNI calls the collector itself makes
        JniUtils.setGradMode(true);
        try {
            StepLoss loss = session.loss(sub, part, rng, step, touched, state);
            NDArray scaled = loss.total().mul(sub.create(1f / replicas));
            JniUtils.backward((PtNDArray) scaled, (PtNDArray) sub.ones(scaled.getShape()), false, false);
            return loss;
        } finally {
            JniUtils.setGradMode(false);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
