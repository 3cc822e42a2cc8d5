package dev.prodet.backbone.mobilenet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.Node;
import dev.prodet.api.nn.Op;
import dev.prodet.api.nn.ParameterSpec;
import dev.prodet.api.testing.BackboneContract;
import org.junit.jupiter.api.Test;

class MobileNetV2BackboneTest {

    private static Network build(int size) {
        return BackboneContract.build(new MobileNetV2Backbone(), size);
    }

    private static long sum(Network net, boolean trainable) {
        return net.parameters().stream()
                .filter(p -> p.role().trainable() == trainable)
                .mapToLong(ParameterSpec::size)
                .sum();
    }

    @Test
    void parameterCountsMatchKerasWithoutTheClassifier() {
        // keras.applications.MobileNetV2(alpha=1.0, include_top=False).summary(): 2,223,872 trainable and
        // 34,112 non-trainable (batch-norm moving mean and variance) parameters
        Network net = build(224);
        assertEquals(2_223_872L, sum(net, true));
        assertEquals(34_112L, sum(net, false));
    }

    @Test
    void sizeOver32With1280ChannelsAndKerasPadding() {
        Network net = build(128);
        assertArrayEquals(
                new long[] {-1, 32, 64, 64}, net.shapeOf("backbone.Conv1").dims());
        assertArrayEquals(
                new long[] {-1, 144, 16, 16},
                net.shapeOf("backbone.block_3_depthwise").dims());
        assertArrayEquals(
                new long[] {-1, 1280, 4, 4},
                net.shapeOf(net.outputs().get("features")).dims());
        Op.Conv2d stem = (Op.Conv2d) node(net, "backbone.Conv1").op();
        assertEquals(0, stem.padding().top());
        assertEquals(1, stem.padding().bottom());
    }

    @Test
    void tenIdentityShortcutsAndReluSixEverywhere() {
        Network net = build(128);
        long adds = net.nodes().stream().filter(n -> n.op() instanceof Op.Add).count();
        assertEquals(10, adds);
        assertTrue(net.nodes().stream()
                .filter(n -> n.op() instanceof Op.Activation)
                .allMatch(n -> ((Op.Activation) n.op()).kind() == Op.ActivationKind.RELU6));
    }

    @Test
    void kerasNames() {
        assertEquals("Conv1/kernel", MobileNetV2Backbone.kerasName("backbone.Conv1.weight"));
        assertEquals(
                "block_3_depthwise/depthwise_kernel",
                MobileNetV2Backbone.kerasName("backbone.block_3_depthwise.weight"));
        assertEquals(
                "expanded_conv_depthwise/depthwise_kernel",
                MobileNetV2Backbone.kerasName("backbone.expanded_conv_depthwise.weight"));
        assertEquals("bn_Conv1/moving_variance", MobileNetV2Backbone.kerasName("backbone.bn_Conv1.runningVar"));
        assertEquals("Conv_1_bn/gamma", MobileNetV2Backbone.kerasName("backbone.Conv_1_bn.gamma"));
        assertEquals(
                "block_16_project_BN/moving_mean",
                MobileNetV2Backbone.kerasName("backbone.block_16_project_BN.runningMean"));
    }

    @Test
    void inputSizeMustBeAMultipleOf32() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new MobileNetV2Backbone().spec(100));
        assertTrue(e.getMessage().contains("multiple of 32"), e.getMessage());
    }

    private static Node node(Network net, String name) {
        return net.nodes().stream()
                .filter(n -> n.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
