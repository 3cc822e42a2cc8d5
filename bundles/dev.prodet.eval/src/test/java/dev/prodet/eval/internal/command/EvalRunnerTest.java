package dev.prodet.eval.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.DatasetProvider;
import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ScorerFactory;
import dev.prodet.api.model.ThresholdChoice;
import dev.prodet.eval.internal.fixtures.BlendGenerators;
import dev.prodet.eval.internal.fixtures.MemoryDataset;
import dev.prodet.eval.internal.fixtures.ProDetModel;
import dev.prodet.eval.internal.fixtures.SyntheticFaces;
import dev.prodet.eval.internal.metrics.BinaryScores;
import dev.prodet.eval.internal.metrics.MissingClassException;
import dev.prodet.eval.internal.metrics.ThresholdCalibration;
import dev.prodet.eval.internal.ort.OrtScorerFactory;
import dev.prodet.eval.internal.run.ModelInfo;
import dev.prodet.eval.internal.run.Prediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prodet:eval end to end on an exported compact package (ONNX Runtime) and in-memory datasets. */
class EvalRunnerTest {
    /** Opens the in-memory dataset registered under the folder's name, as the "prepared" provider opens folders. */
    record Provider(Map<String, Dataset> byFolder) implements DatasetProvider {
        @Override
        public String name() {
            return "prepared";
        }

        @Override
        public Dataset open(Path root) throws IOException {
            Dataset d = byFolder.get(root.getFileName().toString());
            if (d == null) {
                throw new IOException("no dataset at " + root);
            }
            return d;
        }
    }

    static List<Plugin<ScorerFactory>> onnx() {
        return List.of(new Plugin<>("onnx", 0, new OrtScorerFactory()));
    }

    static Provider provider() {
        List<FaceSample> onlyReal = new ArrayList<>(SyntheticFaces.dataset(3, 2, 128, 9));
        onlyReal.removeIf(s -> s.label() == Label.FAKE);
        return new Provider(Map.of(
                "synth-a",
                new MemoryDataset("Synth-A", SyntheticFaces.dataset(6, 2, 128, 1)),
                "synth-b",
                new MemoryDataset("Synth-B", SyntheticFaces.dataset(4, 2, 128, 2)),
                "real-only",
                new MemoryDataset("RealOnly", onlyReal)));
    }

    @Test
    void evaluatesAPackageAndWritesTheReportIntoTheDefaultFolder(@TempDir Path ws) throws Exception {
        new ProDetModel(128, 3, SyntheticFaces.PREPROCESSOR).exportPackage(ws.resolve("models/compact-test/1"), 0.5);
        EvalRunner runner = new EvalRunner(ws, onnx(), provider(), Map.of("test-sbi", BlendGenerators.selfBlend()));
        List<String> log = new ArrayList<>();
        EvalRunner.Result r = runner.run(
                EvalArgs.parse(
                        "--model",
                        "models/compact-test/1",
                        "--dataset",
                        "data/synth-a/manifest.json",
                        "data/synth-b",
                        "--map-faces",
                        "6",
                        "--bootstrap",
                        "50"),
                log::add);
        assertEquals(ws.resolve("runs/eval-compact-test-1/report"), r.dir());
        assertTrue(r.table().startsWith("| metric | Synth-A frame | Synth-A video | Synth-B frame |"), r.table());
        for (String f : List.of(
                "index.html",
                "report.json",
                "auc_table.md",
                "auc_table.csv",
                "predictions.csv",
                "roc_frame.png",
                "roc_video.svg",
                "feature_map.png",
                "feature_map.svg")) {
            assertTrue(Files.size(r.dir().resolve(f)) > 0, f);
        }
        assertEquals("onnx", r.report().model().scorer());
        assertEquals("compact-test", r.report().model().name());
        assertEquals(0.5, r.report().model().threshold());
        assertNotNull(r.report().featureMap(), "features come from the package through ORT");
        assertEquals(
                List.of("real", "sbi (test-sbi)", "fake (Synth-A)"),
                r.report().featureMap().classes());
        assertEquals(
                24 + 16, Files.readAllLines(r.dir().resolve("predictions.csv")).size() - 1);
        assertTrue(log.get(0).startsWith("evaluating compact-test 1 with scorer onnx on 2 dataset(s)"), log.get(0));
    }

    /** Real faces in the validation split only. */
    record ValidationOnly(String name, List<FaceSample> faces) implements Dataset {
        @Override
        public List<FaceSample> samples(dev.prodet.api.data.Split split) {
            return split == dev.prodet.api.data.Split.VAL ? faces : List.of();
        }
    }

    @Test
    void calibrationChoosesThePackageThresholdOnValidationDataAndRecordsHow(@TempDir Path ws) throws Exception {
        new ProDetModel(128, 3, SyntheticFaces.PREPROCESSOR).exportPackage(ws.resolve("pkg"), 0.5);
        List<FaceSample> real = new ArrayList<>(SyntheticFaces.dataset(4, 3, 128, 5));
        real.removeIf(f -> f.label() == Label.FAKE);
        Provider data = new Provider(Map.of(
                "val",
                new ValidationOnly("Val", real),
                "real-only",
                provider().byFolder().get("real-only")));
        // registered under the names the package's provenance lists: its training generators
        EvalRunner runner = new EvalRunner(
                ws, onnx(), data, Map.of("sbi", BlendGenerators.selfBlend(), "cbi", BlendGenerators.crossBlend()));
        List<String> log = new ArrayList<>();
        EvalRunner.Result r = runner.run(
                EvalArgs.parse("--model", "pkg", "--dataset", "data/val", "--calibrate", "--map-faces", "0"), log::add);
        assertEquals(dev.prodet.api.data.Split.VAL, r.report().options().split(), "--calibrate scores the val split");
        ModelMetadata md = ModelPackage.open(ws.resolve("pkg")).metadata();
        assertEquals(ThresholdChoice.EER, md.thresholdChoice().rule());
        assertTrue(
                md.thresholdChoice().basis().startsWith("val split of data/val (forgeries: [sbi, cbi])"),
                md.thresholdChoice().basis());
        List<Prediction> p = r.report().datasets().get(0).predictions();
        assertEquals(real.size() * 3, p.size(), "each real face and its SBI and CBI");
        BinaryScores scores = new BinaryScores(
                p.stream().mapToDouble(Prediction::score).toArray(),
                p.stream().mapToInt(Prediction::label).toArray());
        assertEquals(ThresholdCalibration.eer(scores).threshold(), md.threshold(), 1e-12);
        assertNotEquals(0.5, md.threshold());
        assertTrue(log.get(log.size() - 1).contains("recorded in"), log.toString());

        runner.run(
                EvalArgs.parse("--model", "pkg", "--dataset", "data/val", "--calibrate", "fpr=0.1", "--map-faces", "0"),
                s -> {});
        md = ModelPackage.open(ws.resolve("pkg")).metadata();
        assertEquals("fpr<=0.1", md.thresholdChoice().rule());
        assertTrue(ThresholdCalibration.at(scores, md.threshold()).falsePositiveRate() <= 0.1);

        IllegalArgumentException onTest = assertThrows(
                IllegalArgumentException.class,
                () -> EvalArgs.parse("--model", "pkg", "--dataset", "d", "--split", "test", "--calibrate"));
        assertTrue(onTest.getMessage().contains("never on the test split"), onTest.getMessage());
        Files.createDirectories(ws.resolve("runs/r/checkpoints"));
        IllegalArgumentException noPackage = assertThrows(
                IllegalArgumentException.class,
                () -> runner.run(EvalArgs.parse("--model", "runs/r", "--dataset", "data/val", "--calibrate"), s -> {}));
        assertTrue(noPackage.getMessage().contains("is not a package"), noPackage.getMessage());
    }

    @Test
    void realOnlyDataIsEvaluatedAgainstForgeriesOfTheGenerators(@TempDir Path ws) throws Exception {
        new ProDetModel(128, 3, SyntheticFaces.PREPROCESSOR).exportPackage(ws.resolve("pkg"), 0.5);
        EvalRunner runner = new EvalRunner(
                ws,
                onnx(),
                provider(),
                Map.of("test-sbi", BlendGenerators.selfBlend(), "test-cbi", BlendGenerators.crossBlend()));
        EvalRunner.Result r = runner.run(
                EvalArgs.parse(
                        "--model",
                        "pkg",
                        "--dataset",
                        "data/real-only",
                        "--forge",
                        "all",
                        "--map-faces",
                        "0",
                        "--bootstrap",
                        "20"),
                s -> {});
        assertEquals("RealOnly+test-cbi+test-sbi", r.report().datasets().get(0).name());
        assertEquals(6 + 12, r.report().datasets().get(0).frame().count());
        assertEquals(3 + 6, r.report().datasets().get(0).video().count());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> runner.run(
                        EvalArgs.parse("--model", "pkg", "--dataset", "data/real-only", "--forge", "sbi"), s -> {}));
        assertTrue(
                e.getMessage().contains("no generator plugin named 'sbi'; registered: [test-cbi, test-sbi]"),
                e.getMessage());
    }

    @Test
    void theFeatureMapForgesWithTheGeneratorsAskedForOnly(@TempDir Path ws) throws Exception {
        new ProDetModel(128, 3, SyntheticFaces.PREPROCESSOR).exportPackage(ws.resolve("pkg"), 0.5);
        // registered but unable to forge this dataset, as 'paired' is on data without manipulated videos
        ForgeryGenerator needsPairs = new ForgeryGenerator() {
            @Override
            public AnchorKind anchorKind() {
                return AnchorKind.DEEPFAKE;
            }

            @Override
            public Forgery generate(FaceSample target, ForgeryContext ctx, RandomGenerator rng) {
                throw new IllegalStateException("this dataset pairs no manipulated video with a real one");
            }
        };
        EvalRunner runner = new EvalRunner(
                ws, onnx(), provider(), Map.of("test-sbi", BlendGenerators.selfBlend(), "needs-pairs", needsPairs));
        EvalRunner.Result r = runner.run(
                EvalArgs.parse(
                        "--model",
                        "pkg",
                        "--dataset",
                        "data/real-only",
                        "--forge",
                        "each,test-sbi",
                        "--map-faces",
                        "4",
                        "--bootstrap",
                        "20"),
                s -> {});
        assertEquals("RealOnly+test-sbi", r.report().datasets().get(0).name());
        assertEquals(List.of("real", "sbi (test-sbi)"), r.report().featureMap().classes());
    }

    @Test
    void reportFolderChoices(@TempDir Path ws) {
        EvalRunner runner = new EvalRunner(ws, onnx(), provider(), Map.of());
        ModelInfo pkg = new ModelInfo(ws.resolve("models/m/2"), "onnx", "m", "2", 0.5, null);
        EvalArgs base = EvalArgs.parse("--model", "models/m/2", "--dataset", "d");
        assertEquals(ws.resolve("runs/eval-m-2/report"), runner.reportDir(base, pkg.path(), pkg));
        assertEquals(
                ws.resolve("out/x"),
                runner.reportDir(EvalArgs.parse("--model", "m", "--dataset", "d", "--out", "out/x"), pkg.path(), pkg));
        assertEquals(
                ws.resolve("runs/r7/report"),
                runner.reportDir(EvalArgs.parse("--model", "m", "--dataset", "d", "--run-id", "r7"), pkg.path(), pkg));
        Path ckpt = ws.resolve("runs/prodet-compact/checkpoints/step-00000100");
        ModelInfo c = new ModelInfo(ckpt, "djl", "prodet-compact@step-00000100", null, 0.5, null);
        assertEquals(ws.resolve("runs/prodet-compact/report"), runner.reportDir(base, ckpt, c));
    }

    @Test
    void errorsNameTheProblem(@TempDir Path ws) throws Exception {
        Files.createDirectories(ws.resolve("not-a-model"));
        EvalRunner runner = new EvalRunner(ws, onnx(), provider(), Map.of());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> runner.run(EvalArgs.parse("--model", "not-a-model", "--dataset", "data/synth-a"), s -> {}));
        assertTrue(
                e.getMessage().startsWith("no scorer plugin accepts ")
                        && e.getMessage().contains("[onnx]"),
                e.getMessage());
        new ProDetModel(128, 3, SyntheticFaces.PREPROCESSOR).exportPackage(ws.resolve("pkg"), 0.5);
        MissingClassException m = assertThrows(
                MissingClassException.class,
                () -> runner.run(EvalArgs.parse("--model", "pkg", "--dataset", "data/real-only"), s -> {}));
        assertTrue(m.getMessage().contains("RealOnly") && m.getMessage().contains("no fake sample"), m.getMessage());
        IllegalStateException none =
                assertThrows(IllegalStateException.class, () -> new EvalRunner(ws, onnx(), null, Map.of())
                        .run(EvalArgs.parse("--model", "pkg", "--dataset", "d"), s -> {}));
        assertTrue(none.getMessage().contains("no dataset provider 'prepared'"), none.getMessage());
        IllegalArgumentException wrongFace = assertThrows(IllegalArgumentException.class, () -> {
            new ProDetModel(128, 3, new dev.prodet.api.face.FacePreprocessorInfo("other", "2"))
                    .exportPackage(ws.resolve("pkg2"), 0.5);
            runner.run(EvalArgs.parse("--model", "pkg2", "--dataset", "data/synth-b"), s -> {});
        });
        assertTrue(wrongFace.getMessage().contains("trained on crops from other@2"), wrongFace.getMessage());
    }
}
