package dev.prodet.backbone.efficientnet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.NetworkJson;
import dev.prodet.api.nn.Op;
import dev.prodet.api.nn.Padding;
import dev.prodet.api.nn.ProDetHead;
import org.junit.jupiter.api.Test;

class EfficientNetDescriptionTest {

    @Test
    void roundingFollowsEfficientNetPytorch() {
        assertEquals(48, EfficientNetDescription.roundFilters(32, 1.4));
        assertEquals(1792, EfficientNetDescription.roundFilters(1280, 1.4));
        assertEquals(56, EfficientNetDescription.roundFilters(40, 1.4));
        assertEquals(4, EfficientNetDescription.roundRepeats(2, 1.8));
        assertEquals(6, EfficientNetDescription.roundRepeats(3, 1.8));
    }

    @Test
    void b4WithReinitStemMatchesDeepfakeBenchSizes() {
        NetworkBuilder b = new NetworkBuilder("b4");
        String img = b.input("image", 3, 256, 256);
        String f = new EfficientNetBackbone.B4().build(b, img, 256);
        Network net = b.build();
        assertArrayEquals(new long[] {-1, 1792, 8, 8}, net.shapeOf(f).dims());
        assertArrayEquals(
                new long[] {-1, 48, 127, 127}, net.shapeOf("backbone.stem").dims(), "256 -> 127");
        assertEquals(
                32,
                net.nodes().stream().filter(n -> n.name().endsWith(".project")).count(),
                "32 MBConv blocks");
        // docs/method.md §1: s2 k3 on 190 pads (0,1); s2 k5 on 95 pads (2,2); s2 k3 on 48 pads (0,1); s2 k5 on 24 (1,2)
        assertEquals(new Padding(0, 0, 1, 1), depthwisePadding(net, "backbone.blocks.2.depthwise"));
        assertEquals(new Padding(2, 2, 2, 2), depthwisePadding(net, "backbone.blocks.6.depthwise"));
        assertEquals(new Padding(0, 0, 1, 1), depthwisePadding(net, "backbone.blocks.10.depthwise"));
        assertEquals(new Padding(1, 1, 2, 2), depthwisePadding(net, "backbone.blocks.22.depthwise"));
        assertEquals(new EfficientNetBackbone.B4().spec(256).featureSize(), 8);
    }

    @Test
    void b4WithProDetHeadHasAbout96MillionParameters() throws Exception {
        NetworkBuilder b = new NetworkBuilder("b4+prodet");
        String img = b.input("image", 3, 256, 256);
        ProDetHead.build(b, new EfficientNetBackbone.B4().build(b, img, 256), ProDetHead.Config.PAPER);
        Network net = b.build();
        long trainable = net.parameters().stream()
                .filter(p -> p.role().trainable())
                .mapToLong(p -> p.size())
                .sum();
        assertTrue(trainable > 95_000_000L && trainable < 98_000_000L, "trainable parameters: " + trainable);
        assertEquals(net, NetworkJson.read(NetworkJson.write(net)), "JSON round trip");
    }

    private static Padding depthwisePadding(Network net, String node) {
        return ((Op.Conv2d) net.node(node).op()).padding();
    }
}
