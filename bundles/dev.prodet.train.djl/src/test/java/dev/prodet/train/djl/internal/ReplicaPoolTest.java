package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import dev.prodet.api.model.TrainingCheckpoint;
import dev.prodet.regularizer.opr.internal.OprComponents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-parallel replicas: the numbers depend on the replica count only, never on how many threads run them, and a
 * resumed run repeats an uninterrupted one. The head's transition blocks draw Gaussian noise, so these runs also
 * check that concurrent replicas draw the same random numbers whichever gets to the generator first.
 */
class ReplicaPoolTest {
    private static final int TUPLES = 4;

    @BeforeAll
    static void oneIntraOpThread() {
        ai.djl.engine.Engine.getEngine("PyTorch"); // loads libtorch before the JNI call
        JniUtils.setNumThreads(1); // the same kernels whichever way the replicas are scheduled
    }

    @AfterAll
    static void restore() {
        IntraOpThreads.apply(0);
    }

    private record Outcome(List<Double> losses, Map<String, float[]> values) {}

    private static Outcome train(
            int replicas, int threads, long from, long to, Map<String, float[]> start, TrainingCheckpoint resume)
            throws java.io.IOException {
        try (TrainingSession s = TrainingSessionTest.session(new OprComponents.R2b2d(), 11, start)) {
            if (resume != null) {
                s.optimizer().restore(resume.optimizer(), s.block().parametersByName(), s.manager());
            }
            s.replicas(replicas, threads);
            List<Double> losses = new ArrayList<>();
            for (long step = from; step < to; step++) {
                losses.add(s.step(SyntheticBatches.batch(11, step, TUPLES, 64), step)
                        .loss());
            }
            return new Outcome(losses, s.block().values());
        }
    }

    @Test
    void twoReplicasGiveTheSameNumbersOnOneThreadAndOnTwo() throws Exception {
        Outcome inTurn = train(2, 1, 0, 5, null, null);
        Outcome concurrent = train(2, 2, 0, 5, null, null);
        assertEquals(inTurn.losses(), concurrent.losses());
        inTurn.values()
                .forEach((name, v) -> assertArrayEquals(v, concurrent.values().get(name), name));
        Outcome again = train(2, 2, 0, 5, null, null);
        assertEquals(concurrent.losses(), again.losses(), "concurrent replicas are reproducible");
    }

    @Test
    void replicasKeepTheirOwnBatchNormStatisticsAndMergeThem() throws Exception {
        Outcome one = train(1, 1, 0, 2, null, null);
        Outcome two = train(2, 2, 0, 2, null, null);
        List<String> means = two.values().keySet().stream()
                .filter(n -> n.endsWith(".runningMean"))
                .toList();
        assertFalse(means.isEmpty(), "the compact network has batch norm");
        for (String name : means) {
            float[] v = two.values().get(name);
            boolean moved = false;
            for (float x : v) {
                assertTrue(Float.isFinite(x), name);
                moved |= x != 0; // running means start at 0
            }
            assertTrue(moved, "the merged statistics of " + name + " moved");
        }
        assertNotEquals(one.losses().get(1), two.losses().get(1), "per-replica statistics change the numbers");
    }

    @Test
    void resumingWithReplicasRepeatsTheUninterruptedRun(@TempDir Path dir) throws Exception {
        Outcome straight = train(2, 2, 0, 6, null, null);
        TrainingCheckpoint ckpt;
        List<Double> resumed = new ArrayList<>();
        try (TrainingSession s = TrainingSessionTest.session(new OprComponents.R2b2d(), 11, null)) {
            s.replicas(2, 2);
            for (long step = 0; step < 3; step++) {
                resumed.add(s.step(SyntheticBatches.batch(11, step, TUPLES, 64), step)
                        .loss());
            }
            ckpt = new TrainingCheckpoint(Checkpoint.write(
                    dir,
                    s,
                    new TrainingCheckpoint.State(2, "opr-tb", 11, "t", "compact", List.of(), "synthetic", null)));
        }
        resumed.addAll(train(2, 2, 3, 6, ckpt.params(), ckpt).losses());
        assertEquals(straight.losses(), resumed);
    }

    @Test
    void aBatchThatDoesNotSplitIsRefused() {
        try (TrainingSession s = TrainingSessionTest.session(new OprComponents.R2b2d(), 11, null)) {
            s.replicas(3, 2);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> s.step(SyntheticBatches.batch(11, 0, TUPLES, 64), 0));
            assertTrue(e.getMessage().contains("4 tuples cannot be split into 3 replicas"), e.getMessage());
        }
    }
}
