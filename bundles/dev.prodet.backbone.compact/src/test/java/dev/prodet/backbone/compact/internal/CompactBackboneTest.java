package dev.prodet.backbone.compact.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.api.nn.Network;
import dev.prodet.api.testing.BackboneContract;
import org.junit.jupiter.api.Test;

class CompactBackboneTest {

    private static Network build(int size) {
        return BackboneContract.build(new CompactBackbone(), size);
    }

    @Test
    void fourStagesHalveTheResolutionDownTo128ChannelsAtSizeOver32() {
        Network net = build(128);
        assertArrayEquals(
                new long[] {-1, 128, 4, 4},
                net.shapeOf(net.outputs().get("features")).dims());
        assertArrayEquals(
                new long[] {-1, 16, 64, 64}, net.shapeOf("backbone.stem").dims());
        Network big = build(256);
        assertArrayEquals(
                new long[] {-1, 128, 8, 8},
                big.shapeOf(big.outputs().get("features")).dims());
    }

    @Test
    void aboutATenthOfAMillionTrainableParameters() {
        long trainable = build(128).parameters().stream()
                .filter(p -> p.role().trainable())
                .mapToLong(p -> p.size())
                .sum();
        assertTrue(trainable > 50_000 && trainable < 200_000, "trainable parameters: " + trainable);
        assertEquals(
                trainable,
                build(256).parameters().stream()
                        .filter(p -> p.role().trainable())
                        .mapToLong(p -> p.size())
                        .sum(),
                "fully convolutional: the count does not depend on the input size");
    }

    @Test
    void normalisesAsProDetDoesAndRefusesSizesThatAreNotMultiplesOf32() {
        BackboneSpec spec = new CompactBackbone().spec(128);
        assertEquals(BackboneSpec.HALF, spec.mean());
        assertEquals(BackboneSpec.HALF, spec.std());
        assertThrows(IllegalArgumentException.class, () -> new CompactBackbone().spec(100));
        assertThrows(IllegalArgumentException.class, () -> new CompactBackbone().spec(32), "below 64 px");
    }
}
