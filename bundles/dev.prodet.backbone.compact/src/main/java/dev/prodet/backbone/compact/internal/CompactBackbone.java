package dev.prodet.backbone.compact.internal;

import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.api.nn.Blocks;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.Padding;
import dev.prodet.api.plugin.Plugin;
import org.osgi.service.component.annotations.Component;

/**
 * A small network that trains in minutes on 2 CPU cores at 128–256 px: a 3×3/2 stem and four stages of
 * depthwise-separable MBConv blocks (expansion 2, squeeze-and-excitation), each halving the resolution, ending in
 * 128 channels at size/32 (4 × 4 at 128 px, 8 × 8 at 256 px). About 0.1 M parameters.
 */
@Component(service = Backbone.class, property = "service.ranking:Integer=0")
@Plugin.Backbone(name = "compact", description = "compact CPU network (~0.1 M parameters), 128 x size/32 features")
public final class CompactBackbone implements Backbone {
    private static final int[] WIDTHS = {24, 40, 64, 128};
    private static final Blocks.Norm NORM = Blocks.Norm.TORCH;

    @Override
    public BackboneSpec spec(int inputSize) {
        if (inputSize % 32 != 0 || inputSize < 64) {
            throw new IllegalArgumentException(
                    "compact: input size must be a multiple of 32, at least 64, got " + inputSize);
        }
        return new BackboneSpec(
                "compact", WIDTHS[WIDTHS.length - 1], inputSize / 32, inputSize, BackboneSpec.HALF, BackboneSpec.HALF);
    }

    @Override
    public String build(NetworkBuilder b, String input, int inputSize) {
        spec(inputSize);
        b.scope("backbone");
        String x = b.conv("stem", input, 16, 3, 2, Padding.symmetric(1), 1, false);
        x = b.batchNorm("stem_bn", x, NORM.epsilon(), NORM.momentum());
        x = b.silu("stem_act", x);
        int in = 16;
        for (int stage = 0; stage < WIDTHS.length; stage++) {
            x = Blocks.mbConv(
                    b,
                    "stage" + stage + ".down",
                    x,
                    new Blocks.MbConv(in, WIDTHS[stage], 3, 2, 2, 0.25, 0, inputSize >> (stage + 1)),
                    NORM);
            x = Blocks.mbConv(
                    b,
                    "stage" + stage + ".refine",
                    x,
                    new Blocks.MbConv(WIDTHS[stage], WIDTHS[stage], 3, 1, 2, 0.25, 0.05, inputSize >> (stage + 2)),
                    NORM);
            in = WIDTHS[stage];
        }
        b.end();
        return x;
    }
}
