package dev.prodet.backbone.mobilenet.internal;

import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.api.nn.Blocks;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.Op;
import dev.prodet.api.nn.Padding;
import dev.prodet.api.nn.WeightNames;
import dev.prodet.api.plugin.Plugin;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * MobileNetV2 (width 1.0) as Keras builds it ({@code keras.applications.MobileNetV2}, include_top=False): a 3×3/2
 * stem, 17 inverted-residual blocks (1×1 expansion ×6, 3×3 depthwise, 1×1 linear projection; identity shortcut where
 * stride 1 keeps the width), a 1×1 convolution to 1280 channels, ReLU6 throughout. 1280 × size/32 features.
 *
 * <p>Nodes carry Keras's layer names ({@code Conv1}, {@code block_3_depthwise_BN}, …), so a file of Keras weights
 * in PyTorch tensor layouts ({@code ./prodet weights import-tfjs}) loads by name. Stride-2 convolutions pad one
 * pixel after (bottom/right) only, as Keras's {@code ZeroPadding2D(((0, 1), (0, 1)))} + "valid" does; batch norm uses
 * Keras's epsilon 1e-3 (momentum 0.01 in PyTorch's sense for fine-tuning, as efficientnet-pytorch).
 */
@Component(service = Backbone.class, property = "service.ranking:Integer=0")
@Plugin.Backbone(name = MobileNetV2Backbone.NAME, description = "MobileNetV2 (Keras layout), 1280 x size/32 features")
public final class MobileNetV2Backbone implements Backbone {
    /** The plugin name. */
    public static final String NAME = "mobilenetv2";

    /** Keras's zero padding before a stride-2 convolution: one pixel at the bottom and on the right. */
    private static final Padding AFTER = new Padding(0, 0, 1, 1);
    /** (output width, blocks, stride of the first block) per group, Keras's inverted-residual settings. */
    private static final int[][] GROUPS = {{24, 2, 2}, {32, 3, 2}, {64, 4, 2}, {96, 3, 1}, {160, 3, 2}, {320, 1, 1}};

    private static final int EXPANSION = 6;
    private static final Blocks.Norm NORM = Blocks.Norm.EFFICIENTNET;

    @Override
    public BackboneSpec spec(int inputSize) {
        if (inputSize % 32 != 0) {
            throw new IllegalArgumentException(NAME + ": input size must be a multiple of 32, got " + inputSize);
        }
        // Keras's preprocess_input for MobileNetV2: x / 127.5 - 1
        return new BackboneSpec(NAME, 1280, inputSize / 32, inputSize, BackboneSpec.HALF, BackboneSpec.HALF);
    }

    @Override
    public String build(NetworkBuilder b, String input, int inputSize) {
        spec(inputSize);
        b.scope("backbone");
        String x = convBnRelu6(b, "Conv1", "bn_Conv1", "Conv1_relu", input, 32, 3, 2, 1);
        // the first block has no expansion and no shortcut
        x = convBnRelu6(
                b,
                "expanded_conv_depthwise",
                "expanded_conv_depthwise_BN",
                "expanded_conv_depthwise_relu",
                x,
                32,
                3,
                1,
                32);
        x = convBn(b, "expanded_conv_project", "expanded_conv_project_BN", x, 16);
        int in = 16;
        int block = 1;
        for (int[] group : GROUPS) {
            for (int i = 0; i < group[1]; i++, block++) {
                int stride = i == 0 ? group[2] : 1;
                String p = "block_" + block + "_";
                int hidden = in * EXPANSION;
                String y = convBnRelu6(b, p + "expand", p + "expand_BN", p + "expand_relu", x, hidden, 1, 1, 1);
                y = convBnRelu6(
                        b, p + "depthwise", p + "depthwise_BN", p + "depthwise_relu", y, hidden, 3, stride, hidden);
                y = convBn(b, p + "project", p + "project_BN", y, group[0]);
                x = stride == 1 && in == group[0] ? b.add(p + "add", new Op.Add(), x, y) : y;
                in = group[0];
            }
        }
        x = convBnRelu6(b, "Conv_1", "Conv_1_bn", "out_relu", x, 1280, 1, 1, 1);
        b.end();
        return x;
    }

    private static String convBnRelu6(
            NetworkBuilder b, String conv, String bn, String act, String in, int out, int k, int stride, int groups) {
        Padding pad = k == 1 ? Padding.NONE : stride == 2 ? AFTER : Padding.symmetric(k / 2);
        String x = b.conv(conv, in, out, k, stride, pad, groups, false);
        return b.relu6(act, b.batchNorm(bn, x, NORM.epsilon(), NORM.momentum()));
    }

    private static String convBn(NetworkBuilder b, String conv, String bn, String in, int out) {
        String x = b.conv(conv, in, out, 1, 1, Padding.NONE, 1, false);
        return b.batchNorm(bn, x, NORM.epsilon(), NORM.momentum());
    }

    /**
     * Keras's names, as {@code ./prodet weights import-tfjs} writes them: {@code <layer>/kernel} (or
     * {@code /depthwise_kernel}) in PyTorch's [out, in, kh, kw] layout, {@code <layer>/gamma|beta|moving_mean|
     * moving_variance}. A file may also carry a classifier on top ({@code dense_*}, {@code Logits/*}): not used.
     */
    @Override
    public List<WeightNames> weightNames() {
        return List.of(new WeightNames(
                "keras",
                "backbone.",
                MobileNetV2Backbone::kerasName,
                t -> t.startsWith("dense_") || t.startsWith("Logits/"),
                Set.of()));
    }

    static String kerasName(String parameter) {
        String rest = parameter.substring("backbone.".length());
        int last = rest.lastIndexOf('.');
        String layer = rest.substring(0, last);
        String suffix =
                switch (rest.substring(last + 1)) {
                    case "weight" -> layer.endsWith("depthwise") ? "depthwise_kernel" : "kernel";
                    case "runningMean" -> "moving_mean";
                    case "runningVar" -> "moving_variance";
                    default -> rest.substring(last + 1); // gamma, beta
                };
        return layer + "/" + suffix;
    }
}
