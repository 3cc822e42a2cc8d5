package dev.prodet.train.djl.internal;

import dev.prodet.api.forgery.AnchorKind;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Learnable synthetic batches for trainer tests: noise images where each anchor adds its own spatial pattern, so a
 * detector can separate real from the forgeries. Batch {@code step} depends only on (seed, step).
 */
final class SyntheticBatches {
    private SyntheticBatches() {}

    static Batch batch(long seed, long step, int tuples, int size) {
        List<AnchorKind> layout = List.of(AnchorKind.REAL, AnchorKind.SBI, AnchorKind.CBI, AnchorKind.DEEPFAKE);
        SplittableRandom r = new SplittableRandom(Seeds.mix(seed, step));
        float[] img = new float[layout.size() * tuples * 3 * size * size];
        int plane = size * size;
        for (int b = 0; b < layout.size(); b++) {
            for (int t = 0; t < tuples; t++) {
                int base = (b * tuples + t) * 3 * plane;
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < size; y++) {
                        for (int x = 0; x < size; x++) {
                            double signal = b == 0 ? 0 : 0.5 * Math.sin((x + b * y) * 0.5 * b);
                            img[base + c * plane + y * size + x] = (float) (0.5 * r.nextGaussian() + signal);
                        }
                    }
                }
            }
        }
        return new Batch(img, layout, tuples, size);
    }
}
