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

    /**
     * Part {@code part} of {@code parts}: tuples {@code [part·n, (part+1)·n)} with {@code n = tuples / parts}, from
     * every anchor block, in the same layout.
     */
    Batch tuplesPart(int part, int parts) {
        int n = tuples / parts;
        int row = 3 * size * size;
        float[] out = new float[layout.size() * n * row];
        for (int b = 0; b < layout.size(); b++) {
            System.arraycopy(images, (b * tuples + part * n) * row, out, b * n * row, n * row);
        }
        return new Batch(out, layout, n, size);
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
