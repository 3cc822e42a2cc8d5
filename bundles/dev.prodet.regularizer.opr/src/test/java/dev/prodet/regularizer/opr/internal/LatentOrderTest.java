package dev.prodet.regularizer.opr.internal;

import static dev.prodet.api.forgery.AnchorKind.CBI;
import static dev.prodet.api.forgery.AnchorKind.DEEPFAKE;
import static dev.prodet.api.forgery.AnchorKind.REAL;
import static dev.prodet.api.forgery.AnchorKind.SBI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The latent orders of docs/method.md §2.8; the pair index selects the transition block. */
class LatentOrderTest {

    @Test
    void proDetsOrderChainsTheFourAnchors() {
        assertEquals(
                List.of(LatentOrder.pair(REAL, SBI), LatentOrder.pair(SBI, CBI), LatentOrder.pair(CBI, DEEPFAKE)),
                LatentOrder.R2B2D.pairs);
    }

    @Test
    void surroundHasNoBlendfakeDeepfakeBridge() {
        assertTrue(LatentOrder.SURROUND.pairs.contains(LatentOrder.pair(REAL, DEEPFAKE)));
        assertTrue(LatentOrder.SURROUND.pairs.stream()
                .noneMatch(p -> p.to() == DEEPFAKE && p.from() != REAL || p.from() == DEEPFAKE));
        assertEquals(LatentOrder.pair(REAL, DEEPFAKE), LatentOrder.R2D2B.pairs.get(0));
    }

    @Test
    void everyOrderUsesThreeTransitionBlocks() {
        for (LatentOrder o : LatentOrder.values()) {
            assertEquals(3, o.pairs.size(), o.name());
        }
    }

    @Test
    void parsingIsCaseInsensitiveAndNamesTheChoices() {
        assertEquals(LatentOrder.R2D2B, LatentOrder.parse(" R2d2b "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatentOrder.parse("r2d"));
        assertEquals("unknown latent order 'r2d'; use r2b2d, r2d2b or surround", e.getMessage());
    }
}
