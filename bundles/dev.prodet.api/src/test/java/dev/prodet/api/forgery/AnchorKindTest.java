package dev.prodet.api.forgery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorKindTest {

    @Test
    void attributeTriplesFollowMethodSection21() {
        assertArrayEquals(new int[] {0, 0, 0}, AnchorKind.REAL.attributes());
        assertArrayEquals(new int[] {1, 0, 0}, AnchorKind.SBI.attributes());
        assertArrayEquals(new int[] {1, 1, 0}, AnchorKind.CBI.attributes());
        assertArrayEquals(new int[] {1, 1, 1}, AnchorKind.DEEPFAKE.attributes());
        for (AnchorKind k : AnchorKind.values()) {
            assertArrayEquals(new int[] {k.blend(), k.identity(), k.generative()}, k.attributes());
        }
    }

    @Test
    void attributesMatchTheOriginalCodesFormulas() {
        // y_bld = clip(label,0,1), y_id = [label >= 2], y_gen = [label == 2] (docs/method.md §2.1)
        for (AnchorKind k : AnchorKind.values()) {
            int label = k.code();
            assertEquals(Math.min(Math.max(label, 0), 1), k.blend(), k.name());
            assertEquals(label >= 2 ? 1 : 0, k.identity(), k.name());
            assertEquals(label == 2 ? 1 : 0, k.generative(), k.name());
        }
    }

    @Test
    void codesAreThoseOfTheOriginalCode() {
        assertEquals(0, AnchorKind.REAL.code());
        assertEquals(1, AnchorKind.SBI.code());
        assertEquals(2, AnchorKind.DEEPFAKE.code());
        assertEquals(3, AnchorKind.CBI.code());
        for (AnchorKind k : AnchorKind.values()) {
            assertEquals(k, AnchorKind.fromCode(k.code()));
        }
    }

    @Test
    void declarationOrderIsTheR2B2DProgression() {
        assertEquals(
                List.of(AnchorKind.REAL, AnchorKind.SBI, AnchorKind.CBI, AnchorKind.DEEPFAKE),
                List.of(AnchorKind.values()));
        assertFalse(AnchorKind.REAL.isFake());
        assertTrue(AnchorKind.SBI.isFake() && AnchorKind.CBI.isFake() && AnchorKind.DEEPFAKE.isFake());
    }

    @Test
    void unknownCodeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnchorKind.fromCode(4));
        assertTrue(e.getMessage().endsWith("got: 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AnchorKind.fromCode(-1));
    }

    @Test
    void attributesReturnsAFreshArray() {
        AnchorKind.SBI.attributes()[0] = 7;
        assertEquals(1, AnchorKind.SBI.attributes()[0]);
    }
}
