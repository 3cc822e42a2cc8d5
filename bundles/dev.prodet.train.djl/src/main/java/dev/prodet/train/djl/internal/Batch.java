package dev.prodet.train.djl.internal;

import dev.prodet.api.forgery.AnchorKind;
import java.util.List;

/**
 * One training batch: {@code tuples} aligned tuples in anchor blocks ({@code layout} order), as normalised CHW
 * floats {@code [layout.size()·tuples, 3, size, size]}.
 */
record Batch(float[] images, List<AnchorKind> layout, int tuples, int size) {
    Batch {
        long expected = (long) layout.size() * tuples * 3 * size * size;
        if (images.length != expected) {
            throw new IllegalArgumentException("batch holds " + images.length + " floats, expected " + expected);
        }
    }

    int rows() {
        return layout.size() * tuples;
    }

    /** Anchor codes per row (docs/method.md §2.1). */
    float[] labelCodes() {
        float[] out = new float[rows()];
        for (int b = 0; b < layout.size(); b++) {
            java.util.Arrays.fill(
                    out, b * tuples, (b + 1) * tuples, layout.get(b).code());
        }
        return out;
    }
}
