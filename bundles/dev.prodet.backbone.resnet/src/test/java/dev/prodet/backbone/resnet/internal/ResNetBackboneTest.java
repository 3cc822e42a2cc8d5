package dev.prodet.backbone.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.Network;
import dev.prodet.api.testing.BackboneContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResNetBackboneTest {

    private static Network build(Backbone bb, int size) {
        return BackboneContract.build(bb, size);
    }

    private static long trainable(Network net) {
        return net.parameters().stream()
                .filter(p -> p.role().trainable())
                .mapToLong(p -> p.size())
                .sum();
    }

    @Test
    void trainableParametersMatchTorchvisionWithoutTheClassifier() {
        // torchvision resnet18 / resnet34: 11,689,512 / 21,797,672 parameters, minus the 512x1000 fc (513,000)
        assertEquals(11_176_512L, trainable(build(new ResNetBackbone.ResNet18(), 224)));
        assertEquals(21_284_672L, trainable(build(new ResNetBackbone.ResNet34(), 224)));
    }

    @Test
    void stemPoolAndStagesGiveSizeOver32With512Channels() {
        Network net = build(new ResNetBackbone.ResNet18(), 256);
        assertArrayEquals(
                new long[] {-1, 64, 128, 128}, net.shapeOf("backbone.stem").dims());
        assertArrayEquals(
                new long[] {-1, 64, 64, 64}, net.shapeOf("backbone.stem_pool").dims());
        assertArrayEquals(
                new long[] {-1, 512, 8, 8},
                net.shapeOf(net.outputs().get("features")).dims());
    }

    @Test
    void imageNetNormalisation() {
        assertEquals(
                List.of(0.485, 0.456, 0.406),
                new ResNetBackbone.ResNet34().spec(256).mean());
        assertEquals(
                List.of(0.229, 0.224, 0.225),
                new ResNetBackbone.ResNet34().spec(256).std());
    }
}
