package dev.prodet.eval.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.Split;
import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.Scorer;
import dev.prodet.eval.internal.fixtures.MemoryDataset;
import dev.prodet.eval.internal.fixtures.ProDetModel;
import dev.prodet.eval.internal.fixtures.SyntheticFaces;
import dev.prodet.eval.internal.ort.OrtScorerFactory;
import dev.prodet.train.djl.internal.CheckpointScorerFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the evaluation issue: the same model evaluated as a training checkpoint (DJL, scorer djl) and as its
 * exported model package (ONNX Runtime, scorer onnx) gives the same AUCs within 1e-4, and the same features.
 */
class CheckpointPackageParityTest {
    private static final int SIZE = 128;

    @Test
    void checkpointAndPackageGiveTheSameNumbers(@TempDir Path dir) throws Exception {
        ProDetModel m = new ProDetModel(SIZE, 5, SyntheticFaces.PREPROCESSOR);
        Path pkg = dir.resolve("package");
        m.exportPackage(pkg, 0.5);
        Path ckpt = m.writeCheckpoint(dir.resolve("runs/r/checkpoints/step-00000001"));
        CheckpointScorerFactory djlFactory = new CheckpointScorerFactory();
        assertTrue(djlFactory.accepts(ckpt));
        List<Evaluation.Input> data = List.of(new Evaluation.Input(
                dir.resolve("data"), new MemoryDataset("Synth", SyntheticFaces.dataset(8, 3, SIZE, 4))));
        EvalOptions o = new EvalOptions(Split.TEST, false, 16, 0, 100, 0, Double.NaN);
        try (Scorer ort = new OrtScorerFactory().open(pkg);
                Scorer djl = djlFactory.open(ckpt)) {
            DatasetResult a = evaluate(ort, "onnx", pkg, o, data);
            DatasetResult b = evaluate(djl, "djl", ckpt, o, data);
            double maxScore = 0;
            Set<Double> distinct = new HashSet<>();
            for (int i = 0; i < a.predictions().size(); i++) {
                maxScore = Math.max(
                        maxScore,
                        Math.abs(a.predictions().get(i).score()
                                - b.predictions().get(i).score()));
                distinct.add(a.predictions().get(i).score());
            }
            System.out.printf(
                    "ORT vs DJL: max |p| diff %.3g; frame AUC %.6f vs %.6f; video AUC %.6f vs %.6f%n",
                    maxScore,
                    a.frame().auc(),
                    b.frame().auc(),
                    a.video().auc(),
                    b.video().auc());
            assertTrue(distinct.size() > 40, "48 faces, " + distinct.size() + " distinct scores: the test can fail");
            assertTrue(maxScore < 1e-5, "scores differ by " + maxScore);
            assertEquals(a.frame().auc(), b.frame().auc(), 1e-4);
            assertEquals(a.video().auc(), b.video().auc(), 1e-4);
            assertEquals(a.frame().eer(), b.frame().eer(), 1e-4);
            assertEquals(a.frame().ap(), b.frame().ap(), 1e-4);

            float[] x = new float[2 * InputTensors.size(ort.preprocessing())];
            InputTensors.fill(
                    data.get(0).dataset().samples(Split.TEST).get(0).face().image(), ort.preprocessing(), x, 0);
            InputTensors.fill(
                    data.get(0).dataset().samples(Split.TEST).get(30).face().image(),
                    ort.preprocessing(),
                    x,
                    x.length / 2);
            float[] fa = ort.features(x, 2);
            float[] fb = djl.features(x, 2);
            assertEquals(fb.length, fa.length);
            double maxFeature = 0;
            for (int i = 0; i < fa.length; i++) {
                maxFeature = Math.max(maxFeature, Math.abs(fa[i] - fb[i]));
            }
            assertTrue(maxFeature < 1e-4, "features differ by " + maxFeature);
        }
    }

    private static DatasetResult evaluate(
            Scorer s, String name, Path path, EvalOptions o, List<Evaluation.Input> data) {
        ModelInfo info = new ModelInfo(path, name, "m", null, 0.5, s.preprocessing());
        return new Evaluation(s, info, o, line -> {})
                .run(data, Map.of())
                .datasets()
                .get(0);
    }
}
