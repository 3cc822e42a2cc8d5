package dev.prodet.regularizer.opr.internal;

import dev.prodet.api.forgery.AnchorKind;
import java.util.List;

/**
 * The three attribute targets (blend, identity, generative) of every row of the classifier input: the anchors'
 * triples for the batch rows, then for each bridge λ·next + (1 − λ)·prev per attribute, so only the attribute that
 * differs between the two anchors becomes soft (docs/method.md §2.3).
 */
final class SoftLabels {
    private float[] blend;
    private float[] identity;
    private float[] generative;
    private float[] classes; // 4 per row: real, SBI, CBI, deepfake (AnchorKind order), for the M-C head
    private int size;

    private SoftLabels(int capacity) {
        blend = new float[capacity];
        identity = new float[capacity];
        generative = new float[capacity];
        classes = new float[capacity * CLASSES];
    }

    /** Number of anchor classes of the multi-class (M-C) target. */
    static final int CLASSES = AnchorKind.values().length;

    static SoftLabels forLayout(List<AnchorKind> layout, int tuples) {
        SoftLabels s = new SoftLabels(layout.size() * tuples * 2);
        for (AnchorKind a : layout) {
            for (int i = 0; i < tuples; i++) {
                s.add(a.blend(), a.identity(), a.generative());
                s.classes[(s.size - 1) * CLASSES + a.ordinal()] = 1;
            }
        }
        return s;
    }

    void addBridge(AnchorKind from, AnchorKind to, float[] lambdas) {
        for (float l : lambdas) {
            add(
                    mix(from.blend(), to.blend(), l),
                    mix(from.identity(), to.identity(), l),
                    mix(from.generative(), to.generative(), l));
            classes[(size - 1) * CLASSES + from.ordinal()] = 1 - l;
            classes[(size - 1) * CLASSES + to.ordinal()] += l;
        }
    }

    float[] blend() {
        return java.util.Arrays.copyOf(blend, size);
    }

    float[] identity() {
        return java.util.Arrays.copyOf(identity, size);
    }

    /** Row-major {@code [rows, 4]} class distributions (one-hot for anchors, (1 − λ, λ) for bridges). */
    float[] classes() {
        return java.util.Arrays.copyOf(classes, size * CLASSES);
    }

    /** Row-major {@code [rows, 3]} attribute triples (blend, identity, generative), for the M-L head. */
    float[] triples() {
        float[] out = new float[size * 3];
        for (int i = 0; i < size; i++) {
            out[3 * i] = blend[i];
            out[3 * i + 1] = identity[i];
            out[3 * i + 2] = generative[i];
        }
        return out;
    }

    float[] generative() {
        return java.util.Arrays.copyOf(generative, size);
    }

    private static float mix(int from, int to, float l) {
        return l * to + (1 - l) * from;
    }

    private void add(float b, float i, float g) {
        if (size == blend.length) {
            blend = java.util.Arrays.copyOf(blend, size * 2);
            identity = java.util.Arrays.copyOf(identity, size * 2);
            generative = java.util.Arrays.copyOf(generative, size * 2);
            classes = java.util.Arrays.copyOf(classes, size * 2 * CLASSES);
        }
        blend[size] = b;
        identity[size] = i;
        generative[size] = g;
        size++;
    }
}
