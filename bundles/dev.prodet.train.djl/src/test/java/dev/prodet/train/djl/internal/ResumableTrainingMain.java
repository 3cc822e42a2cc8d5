package dev.prodet.train.djl.internal;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.backbone.compact.internal.CompactBackbone;
import dev.prodet.regularizer.opr.internal.OprComponents;
import dev.prodet.train.djl.internal.data.ForgeryBatchSource;
import dev.prodet.train.djl.internal.data.MemoryDataset;
import dev.prodet.train.djl.internal.data.RealFaces;
import dev.prodet.train.djl.internal.data.TupleAugmentation;
import dev.prodet.train.djl.internal.data.TupleMaker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A training process for {@link KillAndResumeTest}: the real runner, session, batch source and checkpoints on
 * procedural faces; resumes from the newest checkpoint of {@code runDir} when there is one. Args: runDir steps.
 */
public final class ResumableTrainingMain {
    private ResumableTrainingMain() {}

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(args[0]);
        long steps = Long.parseLong(args[1]);
        var restored = Checkpoint.restore(runDir.resolve("checkpoints"));
        var strategy = new OprComponents.R2b2d();
        TrainingSession session = new TrainingSession(
                ai.djl.Device.cpu(),
                new CompactBackbone(),
                new TrainingSession.ModelShape(64, 16, 16),
                strategy,
                21,
                new AdamOptimizer(1e-3, 5e-4),
                restored.map(Checkpoint.Restored::params).orElse(null));
        restored.ifPresent(
                r -> session.optimizer().restore(r.optimizer(), session.block().parametersByName(), session.manager()));
        List<AnchorKind> layout = List.of(AnchorKind.REAL, AnchorKind.SBI);
        List<FaceSample> faces = faces();
        Preprocessing prep = new Preprocessing(
                64, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5), "RGB", new FacePreprocessorInfo("procedural", "1"));
        TupleMaker tuples = new TupleMaker(
                RealFaces.of(MemoryDataset.train(faces), Split.TRAIN, RealFaces.DEFAULT_CACHE_BYTES),
                layout,
                Map.of(AnchorKind.SBI, noise()),
                TupleAugmentation.Settings.OFFICIAL,
                21);
        ForgeryBatchSource<Batch> source =
                new ForgeryBatchSource<>(tuples, 2, prep, 21, 2, 3, (images, n) -> new Batch(images, layout, n, 64));
        TrainingRunner.Plan plan = new TrainingRunner.Plan(
                "kill-test",
                runDir,
                restored.map(Checkpoint.Restored::firstStep).orElse(0L),
                steps,
                2,
                1,
                21,
                "compact",
                List.of("noise"),
                "procedural",
                prep,
                1,
                null,
                "test",
                null);
        new TrainingRunner(
                        plan,
                        dev.prodet.train.api.TrainingRequest.of(Path.of("kill-test.yaml"), "kill-test"),
                        session,
                        source,
                        new FixedStrategy(strategy),
                        List.of(),
                        new ProgressReporter(System.out, steps, 1))
                .run();
    }

    static List<FaceSample> faces() {
        List<FaceSample> out = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int v = 0; v < 3; v++) {
            for (int f = 0; f < 3; f++) {
                byte[] px = new byte[64 * 64 * 3];
                for (int i = 0; i < px.length; i++) {
                    px[i] = (byte) (50 + 50 * v + r.nextInt(40));
                }
                float[] xy = new float[136];
                for (int i = 0; i < 68; i++) {
                    xy[2 * i] = 10 + (i % 10) * 4 + v;
                    xy[2 * i + 1] = 10 + (i / 10) * 6;
                }
                out.add(new FaceSample(
                        new AlignedFace(
                                new RgbImage(64, 64, px),
                                new Landmarks(xy),
                                new FaceBox(0, 0, 64, 64, 1),
                                new FacePreprocessorInfo("procedural", "1")),
                        "v" + v,
                        "p" + v,
                        Label.REAL,
                        f,
                        "v" + v + "/" + f + ".png"));
            }
        }
        return out;
    }

    /** A seeded stand-in generator: adds noise to a square, so the run has something to learn. */
    static ForgeryGenerator noise() {
        return new ForgeryGenerator() {
            @Override
            public AnchorKind anchorKind() {
                return AnchorKind.SBI;
            }

            @Override
            public Forgery generate(
                    FaceSample t, dev.prodet.api.forgery.ForgeryContext c, java.util.random.RandomGenerator rng) {
                byte[] px = t.face().image().rgb();
                float[] mask = new float[64 * 64];
                for (int y = 16; y < 48; y++) {
                    for (int x = 16; x < 48; x++) {
                        mask[y * 64 + x] = 1;
                        for (int ch = 0; ch < 3; ch++) {
                            px[(y * 64 + x) * 3 + ch] = (byte) (rng.nextInt(256));
                        }
                    }
                }
                return new Forgery(new RgbImage(64, 64, px), mask, AnchorKind.SBI, "noise", null);
            }
        };
    }
}
