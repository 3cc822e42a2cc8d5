package dev.prodet.train.api;

import static dev.prodet.api.forgery.AnchorKind.CBI;
import static dev.prodet.api.forgery.AnchorKind.DEEPFAKE;
import static dev.prodet.api.forgery.AnchorKind.REAL;
import static dev.prodet.api.forgery.AnchorKind.SBI;
import static dev.prodet.train.api.FakeArrays.array;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.prodet.api.forgery.AnchorKind;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainApiTest {

    static final HeadRunner HEADS = (given, wanted) -> java.util.Map.of();
    static final NDManager MANAGER = (NDManager)
            Proxy.newProxyInstance(NDManager.class.getClassLoader(), new Class<?>[] {NDManager.class}, (p, m, a) -> {
                throw new UnsupportedOperationException(m.getName());
            });

    static StepInputs inputs(List<AnchorKind> layout, int tuples, long featureRows, long labelRows) {
        return new StepInputs(
                new NDList(array(0, featureRows, 512, 8, 8)),
                array(0, labelRows),
                layout,
                tuples,
                HEADS,
                MANAGER,
                new SplittableRandom(1024),
                0);
    }

    @Test
    void stepInputsChecksRowsAgainstLayoutAndFindsBlocks() {
        List<AnchorKind> prodet = List.of(REAL, SBI, CBI, DEEPFAKE);
        StepInputs in = inputs(prodet, 24, 96, 96);
        assertEquals(96, in.rows());
        assertEquals(0, in.offset(REAL));
        assertEquals(48, in.offset(CBI));
        assertEquals(72, in.offset(DEEPFAKE));

        StepInputs bfOnly = inputs(List.of(REAL, SBI, CBI), 2, 6, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bfOnly.offset(DEEPFAKE));
        assertTrue(e.getMessage().contains("DEEPFAKE is not in this batch"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> inputs(prodet, 24, 95, 96));
        assertTrue(e.getMessage().contains("features[0] must have 4 anchors x 24 tuples = 96 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> inputs(prodet, 24, 96, 7));
        assertTrue(e.getMessage().startsWith("StepInputs.labels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> inputs(List.of(REAL, REAL), 1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> inputs(List.of(), 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> inputs(prodet, 0, 0, 0));
    }

    @Test
    void stepLossKeepsComponentOrderAndReadsValues() {
        Map<String, NDArray> parts = new LinkedHashMap<>();
        parts.put(StepLoss.L_CLS, array(0.5f));
        parts.put(StepLoss.L_O, array(1.25f));
        parts.put(StepLoss.L_T, array(0.25f, 1));
        StepLoss loss = new StepLoss(array(2f), parts);
        parts.clear();
        assertEquals(2.0, loss.totalValue());
        assertEquals(
                List.of("l_cls", "l_o", "l_t"),
                List.copyOf(loss.componentValues().keySet()));
        assertEquals(1.25, loss.componentValues().get("l_o"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepLoss.of(array(1f, 96)));
        assertTrue(e.getMessage().contains("scalar"), e.getMessage());
    }

    @Test
    void strategyOwnsParametersByPrefix() {
        RegularizerStrategy s = new RegularizerStrategy() {
            @Override
            public String name() {
                return "opr-tb";
            }

            @Override
            public List<AnchorKind> anchors() {
                return List.of(REAL, SBI, CBI, DEEPFAKE);
            }

            @Override
            public Set<String> ownedParameterPrefixes() {
                return Set.of("attr.", "drift.");
            }

            @Override
            public String buildHead(dev.prodet.api.nn.NetworkBuilder b, String backboneFeatures, int w, int h) {
                throw new UnsupportedOperationException("not used by this test");
            }

            @Override
            public StepLoss computeLoss(StepInputs in) {
                return StepLoss.of(in.labels());
            }
        };
        assertTrue(s.owns("attr.c_bld.linear1.weight"));
        assertTrue(s.owns("drift.rs.conv1.bias"));
        assertFalse(s.owns("backbone.stem.weight"));
        assertFalse(s.owns("attribute.x"), "prefix match is literal, 'attr.' does not match 'attribute.'");
    }

    @Test
    void trainingRequestValidation() {
        TrainingRequest r = new TrainingRequest(
                Path.of("configs/experiments/prodet.yaml"), "run-1", true, Map.of("train.batch", "8", "seed", "1"));
        assertEquals(List.of("seed", "train.batch"), List.copyOf(r.overrides().keySet()));
        assertFalse(TrainingRequest.of(Path.of("c.yaml"), "r").resume());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TrainingRequest.of(Path.of("c.yaml"), "../escape"));
        assertTrue(e.getMessage().endsWith("got: '../escape'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingRequest.of(null, "r"));
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("seed", null);
        assertThrows(IllegalArgumentException.class, () -> new TrainingRequest(Path.of("c"), "r", false, withNull));
    }

    @Test
    void stepEventAndStates() {
        StepEvent ev = new StepEvent("r", 10, Double.NaN, Map.of("l_cls", 0.7), 123.0);
        assertTrue(Double.isNaN(ev.loss()), "a diverging loss is reported, not refused");
        assertThrows(IllegalArgumentException.class, () -> new StepEvent("r", -1, 1, Map.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> new StepEvent("r", 1, 1, Map.of(), -1));
        assertThrows(IllegalArgumentException.class, () -> new StepEvent(" ", 1, 1, Map.of(), 1));
        assertFalse(TrainingState.RUNNING.isTerminal());
        assertTrue(TrainingState.COMPLETED.isTerminal()
                && TrainingState.FAILED.isTerminal()
                && TrainingState.CANCELLED.isTerminal());
        TrainingListener noOp = new TrainingListener() {};
        noOp.onStep(ev); // defaults do nothing and do not throw
        noOp.onStrategySwap("opr-tb", "vht", 10);
    }
}
