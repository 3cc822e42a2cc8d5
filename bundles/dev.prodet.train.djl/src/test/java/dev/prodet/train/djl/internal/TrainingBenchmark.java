package dev.prodet.train.djl.internal;

import dev.prodet.api.nn.Backbone;
import dev.prodet.backbone.compact.internal.CompactBackbone;
import dev.prodet.backbone.efficientnet.internal.EfficientNetBackbone;
import dev.prodet.regularizer.opr.internal.OprComponents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Benchmark, not a test (nothing is asserted; excluded from the default build): training images per second of a
 * ProDet step (opr-tb, 4 anchors, backward and Adam) on CPU. Run: {@code mvn -B -o test -pl
 * bundles/dev.prodet.train.djl -Dgroups=benchmark -Dbenchmarks.excluded=none -Dtest=TrainingBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class TrainingBenchmark {

    @ParameterizedTest
    @CsvSource({"compact,128,64,64,8,20", "efficientnet-b4,256,512,256,1,3"})
    void imagesPerSecond(String backbone, int size, int width, int hidden, int tuples, int steps) {
        Backbone b = backbone.equals("compact") ? new CompactBackbone() : new EfficientNetBackbone.B4();
        try (TrainingSession s = new TrainingSession(
                b,
                new TrainingSession.ModelShape(size, width, hidden),
                new OprComponents.R2b2d(),
                1,
                new AdamOptimizer(2e-4, 5e-4),
                null)) {
            s.step(SyntheticBatches.batch(1, 0, tuples, size), 0); // warm-up
            long t0 = System.nanoTime();
            for (int i = 1; i <= steps; i++) {
                s.step(SyntheticBatches.batch(1, i, tuples, size), i);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int images = steps * tuples * 4;
            System.out.printf(
                    "| %s | %d | %d | %.2f | %.0f |%n",
                    backbone, size, tuples * 4, images / seconds, 1000 * seconds / steps);
        }
    }
}
