package dev.prodet.export.onnx.internal;

import ai.djl.ndarray.types.Shape;
import dev.prodet.api.nn.Network;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Benchmark, not a test (no timing is asserted; excluded from the default build). Latency at batch 1 and
 * throughput at batch 32 of ONNX Runtime and DJL on the same network, each backbone with the ProDet head at its
 * default size. Run: {@code mvn -B -o test -pl bundles/dev.prodet.export.onnx -Dgroups=benchmark
 * -Dbenchmarks.excluded=none -Dtest=InferenceBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; rows go to stdout.
 */
@Tag("benchmark")
class InferenceBenchmark {
    private static final int RUNS_B1 = 10;
    private static final int RUNS_B32 = 2;

    @ParameterizedTest
    @MethodSource("dev.prodet.export.onnx.internal.ParityTest#backbones")
    void latencyAndThroughput(String backbone) throws Exception {
        int size = Networks.defaultSize(backbone);
        Network net = Networks.prodet(backbone, size);
        float[] one = ParityTest.randomImage(3 * size * size, 1);
        float[] many = ParityTest.randomImage(32 * 3 * size * size, 2);
        try (DjlReference djl = new DjlReference(net, 7);
                OrtReference ort = new OrtReference(OnnxLowering.lower(net, djl.block.values(), "bench", Map.of()))) {
            double ortB1 = medianMillis(RUNS_B1, () -> ort.infer(one, new long[] {1, 3, size, size}));
            double djlB1 = medianMillis(RUNS_B1, () -> djl.infer(one, new Shape(1, 3, size, size)));
            double ortB32 = medianMillis(RUNS_B32, () -> ort.infer(many, new long[] {32, 3, size, size}));
            double djlB32 = medianMillis(RUNS_B32, () -> djl.infer(many, new Shape(32, 3, size, size)));
            System.out.printf(
                    "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    backbone, size, ortB1, djlB1, 32_000 / ortB32, 32_000 / djlB32);
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    /** One warm-up run, then the median of {@code runs} timed runs, in milliseconds. */
    private static double medianMillis(int runs, Run r) throws Exception {
        r.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }
}
