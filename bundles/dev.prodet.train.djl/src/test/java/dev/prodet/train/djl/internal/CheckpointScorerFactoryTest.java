package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.Scorer;
import dev.prodet.api.model.TrainingCheckpoint;
import dev.prodet.regularizer.opr.internal.OprComponents;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointScorerFactoryTest {
    @Test
    void scoresARunFolderWithItsNewestCheckpoint(@TempDir Path run) throws Exception {
        Preprocessing prep = new Preprocessing(
                64, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5), "RGB", new FacePreprocessorInfo("procedural", "1"));
        Batch batch = SyntheticBatches.batch(4, 0, 2, 64);
        float[] expected;
        try (TrainingSession s = TrainingSessionTest.session(new OprComponents.R2b2d(), 4, null)) {
            s.step(batch, 0);
            Checkpoint.write(
                    run.resolve("checkpoints"),
                    s,
                    new TrainingCheckpoint.State(0, "opr-tb", 4, "r", "compact", List.of(), "synthetic", prep));
            try (var sub = s.manager().newSubManager()) {
                var x = sub.create(batch.images(), new ai.djl.ndarray.types.Shape(batch.rows(), 3, 64, 64));
                expected = s.block()
                        .run(
                                new ai.djl.training.ParameterStore(sub, false),
                                java.util.Map.of("image", x),
                                List.of("head.p_fake"),
                                false)
                        .get("head.p_fake")
                        .toFloatArray();
            }
        }
        CheckpointScorerFactory f = new CheckpointScorerFactory();
        assertTrue(f.accepts(run));
        try (Scorer scorer = f.open(run)) {
            assertEquals(prep, scorer.preprocessing());
            assertArrayEquals(expected, scorer.score(batch.images(), batch.rows()), 0f);
            assertEquals(batch.rows() * 32, scorer.features(batch.images(), batch.rows()).length);
        }
    }
}
