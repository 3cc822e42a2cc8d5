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
 * ProDet step (opr-tb, 4 anchors, backward and Adam) on CPU, at 1 and 2 intra-op threads. {@code ./prodet bench train}
 * measures the configured run (and its data pipeline) instead. Run: {@code mvn -B -o test -pl
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
                ai.djl.Device.cpu(),
                b,
                new TrainingSession.ModelShape(size, width, hidden),
                new OprComponents.R2b2d(),
                1,
                new AdamOptimizer(2e-4, 5e-4),
                null)) {
            Batch[] batches = new Batch[4]; // made before the clock starts: input generation is not the step
            for (int i = 0; i < batches.length; i++) {
                batches[i] = SyntheticBatches.batch(1, i, tuples, size);
            }
            for (int threads : new int[] {1, 2}) {
                ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
                s.step(batches[0], 0); // warm-up
                long t0 = System.nanoTime();
                for (int i = 1; i <= steps; i++) {
                    s.step(batches[i % batches.length], i);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                int images = steps * tuples * 4;
                System.out.printf(
                        "| %s | %d | %d | %d | %.2f | %.0f |%n",
                        backbone, size, tuples * 4, threads, images / seconds, 1000 * seconds / steps);
            }
        }
    }
}
