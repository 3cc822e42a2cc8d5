package dev.prodet.regularizer.opr.internal;

import static dev.prodet.api.forgery.AnchorKind.CBI;
import static dev.prodet.api.forgery.AnchorKind.DEEPFAKE;
import static dev.prodet.api.forgery.AnchorKind.REAL;
import static dev.prodet.api.forgery.AnchorKind.SBI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The soft attribute targets of docs/method.md §2.1 and §2.3, row by row. */
class SoftLabelsTest {

    @Test
    void anchorRowsCarryTheTripletBinaryLabels() {
        SoftLabels s = SoftLabels.forLayout(List.of(REAL, SBI, CBI, DEEPFAKE), 2);
        assertArrayEquals(new float[] {0, 0, 1, 1, 1, 1, 1, 1}, s.blend());
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 1, 1, 1}, s.identity());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 1, 1}, s.generative());
    }

    @Test
    void aBridgeMakesOnlyTheDifferingAttributeSoft() {
        SoftLabels s = SoftLabels.forLayout(List.of(REAL, SBI, CBI, DEEPFAKE), 1);
        s.addBridge(REAL, SBI, new float[] {0.25f});
        s.addBridge(SBI, CBI, new float[] {0.5f});
        s.addBridge(CBI, DEEPFAKE, new float[] {0.75f});
        // R→S: (λ, 0, 0); S→C: (1, λ, 0); C→D: (1, 1, λ)
        assertArrayEquals(new float[] {0, 1, 1, 1, 0.25f, 1, 1}, s.blend());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0.5f, 1}, s.identity());
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0.75f}, s.generative());
    }

    @Test
    void multiClassTargetsSplitABridgeBetweenItsTwoClasses() {
        SoftLabels s = SoftLabels.forLayout(List.of(REAL, DEEPFAKE), 1);
        s.addBridge(REAL, DEEPFAKE, new float[] {0.2f});
        assertArrayEquals(
                new float[] {
                    1,
                    0,
                    0,
                    0, // real
                    0,
                    0,
                    0,
                    1, // deepfake
                    0.8f,
                    0,
                    0,
                    0.2f // bridge R→D
                },
                s.classes(),
                1e-6f);
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 0.2f, 0.2f, 0.2f}, s.triples(), 1e-6f);
    }

    @Test
    void growsBeyondItsFirstCapacity() {
        SoftLabels s = SoftLabels.forLayout(List.of(REAL), 1);
        for (int i = 0; i < 5; i++) {
            s.addBridge(REAL, SBI, new float[] {1, 1, 1});
        }
        float[] b = s.blend();
        assertArrayEquals(new float[] {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, b);
    }
}
