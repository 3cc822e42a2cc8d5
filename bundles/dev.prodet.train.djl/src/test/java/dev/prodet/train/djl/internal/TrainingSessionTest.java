package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.model.TrainingCheckpoint;
import dev.prodet.backbone.compact.internal.CompactBackbone;
import dev.prodet.regularizer.opr.internal.OprComponents;
import dev.prodet.regularizer.opr.internal.VhtStrategy;
import dev.prodet.train.api.RegularizerStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSessionTest {
    private static final TrainingSession.ModelShape SHAPE = new TrainingSession.ModelShape(64, 32, 32);
    private static final int TUPLES = 4;

    static TrainingSession session(RegularizerStrategy s, long seed, Map<String, float[]> values) {
        return new TrainingSession(
                ai.djl.Device.cpu(), new CompactBackbone(), SHAPE, s, seed, new AdamOptimizer(2e-3, 5e-4), values);
    }

    @Test
    void proDetLossGoesDownOnLearnableData() {
        try (TrainingSession s = session(new OprComponents.R2b2d(), 3, null)) {
            List<Double> losses = new ArrayList<>();
            for (long step = 0; step < 40; step++) {
                TrainingSession.StepResult r = s.step(SyntheticBatches.batch(3, step, TUPLES, 64), step);
                assertTrue(Double.isFinite(r.loss()), "step " + step + " loss " + r.loss());
                assertEquals(
                        List.of("l_cls", "l_o", "l_t"),
                        List.copyOf(r.components().keySet()));
                losses.add(r.loss());
            }
            double first = losses.subList(0, 5).stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            double last = losses.subList(35, 40).stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            assertTrue(last < first * 0.8, "loss should fall: first 5 avg " + first + ", last 5 avg " + last);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"opr-mc", "opr-ml"})
    void ablationHeadsTrainAndSwapKeepsTheBackbone(String name) {
        RegularizerStrategy ablation =
                name.equals("opr-mc") ? new OprComponents.MultiClass() : new OprComponents.MultiLabel();
        try (TrainingSession s = session(ablation, 3, null)) {
            List<Double> losses = new ArrayList<>();
            for (long step = 0; step < 40; step++) {
                losses.add(s.step(SyntheticBatches.batch(3, step, TUPLES, 64), step)
                        .loss());
            }
            double first = losses.subList(0, 5).stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            double last = losses.subList(35, 40).stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            assertTrue(last < first * 0.8, name + " loss should fall: " + first + " -> " + last);
            Map<String, float[]> before = s.block().values();
            assertTrue(before.containsKey("head.attr.fc2.weight"), "one attribute head");
            s.swap(new OprComponents.R2b2d());
            Map<String, float[]> after = s.block().values();
            assertTrue(java.util.Arrays.equals(before.get("backbone.stem.weight"), after.get("backbone.stem.weight")));
            assertTrue(after.containsKey("head.bld.fc2.weight") && !after.containsKey("head.attr.fc2.weight"));
            assertTrue(Double.isFinite(
                    s.step(SyntheticBatches.batch(3, 40, TUPLES, 64), 40).loss()));
        }
    }

    @Test
    void resumingFromACheckpointRepeatsTheUninterruptedRun(@TempDir Path dir) throws Exception {
        List<Double> straight = new ArrayList<>();
        try (TrainingSession s = session(new OprComponents.R2b2d(), 5, null)) {
            for (long step = 0; step < 6; step++) {
                straight.add(s.step(SyntheticBatches.batch(5, step, TUPLES, 64), step)
                        .loss());
            }
        }
        List<Double> resumed = new ArrayList<>();
        TrainingCheckpoint ckpt;
        try (TrainingSession s = session(new OprComponents.R2b2d(), 5, null)) {
            for (long step = 0; step < 3; step++) {
                resumed.add(s.step(SyntheticBatches.batch(5, step, TUPLES, 64), step)
                        .loss());
            }
            ckpt = new TrainingCheckpoint(Checkpoint.write(
                    dir,
                    s,
                    new TrainingCheckpoint.State(2, "opr-tb", 5, "t", "compact", List.of(), "synthetic", null)));
        }
        try (TrainingSession s = session(new OprComponents.R2b2d(), 5, ckpt.params())) {
            s.optimizer().restore(ckpt.optimizer(), s.block().parametersByName(), s.manager());
            for (long step = ckpt.state().step() + 1; step < 6; step++) {
                resumed.add(s.step(SyntheticBatches.batch(5, step, TUPLES, 64), step)
                        .loss());
            }
        }
        assertEquals(straight, resumed);
    }

    @Test
    void swappingKeepsSharedParametersAndReinitialisesOwnedOnes() {
        try (TrainingSession s = session(new OprComponents.R2b2d(), 9, null)) {
            for (long step = 0; step < 3; step++) {
                s.step(SyntheticBatches.batch(9, step, TUPLES, 64), step);
            }
            Map<String, float[]> before = s.block().values();
            s.swap(new VhtStrategy());
            Map<String, float[]> after = s.block().values();
            assertTrue(java.util.Arrays.equals(before.get("backbone.stem.weight"), after.get("backbone.stem.weight")));
            assertTrue(java.util.Arrays.equals(before.get("head.cls.fc1.weight"), after.get("head.cls.fc1.weight")));
            assertTrue(!after.containsKey("head.bld.fc1.weight"), "vht has no attribute heads");
            s.step(SyntheticBatches.batch(9, 3, TUPLES, 64), 3);
            s.swap(new OprComponents.R2b2d());
            Map<String, float[]> back = s.block().values();
            float[] fresh = dev.prodet.api.nn.ParameterInit.values(s.block().network(), 9)
                    .get("head.bld.fc1.weight");
            assertTrue(java.util.Arrays.equals(fresh, back.get("head.bld.fc1.weight")), "owned parameters start fresh");
            assertTrue(!java.util.Arrays.equals(before.get("head.bld.fc1.weight"), fresh), "they had been trained");
            assertTrue(
                    java.util.Arrays.equals(after.get("backbone.stem.weight"), back.get("backbone.stem.weight"))
                            == false,
                    "the backbone kept training under vht");
            assertTrue(Double.isFinite(
                    s.step(SyntheticBatches.batch(9, 4, TUPLES, 64), 4).loss()));
        }
    }
}
