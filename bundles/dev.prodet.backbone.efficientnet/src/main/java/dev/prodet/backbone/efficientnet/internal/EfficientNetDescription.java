package dev.prodet.backbone.efficientnet.internal;

import dev.prodet.api.nn.BackboneSpec;
import dev.prodet.api.nn.Blocks;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.Padding;
import java.util.List;

/**
 * EfficientNet as efficientnet-pytorch 0.7.1 builds it ({@code extract_features}: stem → MBConv blocks → conv_head →
 * BN → SiLU). Channel and repeat rounding, the static "same" padding computed for the variant's nominal resolution,
 * and the drop-connect rate 0.2·idx/blocks follow that code. {@code reinitStem} reproduces DeepfakeBench's
 * replacement stem: {@code Conv2d(3, 48 | 32, k3, s2, padding 0, bias False)} instead of the static-same stem.
 */
final class EfficientNetDescription {
    /** One stage of the base (B0) configuration: repeats, kernel, stride, expansion, in, out. */
    private record Stage(int repeats, int kernel, int stride, int expand, int in, int out) {}

    private static final List<Stage> BASE = List.of(
            new Stage(1, 3, 1, 1, 32, 16),
            new Stage(2, 3, 2, 6, 16, 24),
            new Stage(2, 5, 2, 6, 24, 40),
            new Stage(3, 3, 2, 6, 40, 80),
            new Stage(3, 5, 1, 6, 80, 112),
            new Stage(4, 5, 2, 6, 112, 192),
            new Stage(1, 3, 1, 6, 192, 320));
    private static final double SE_RATIO = 0.25;
    private static final double DROP_CONNECT = 0.2;

    /** A variant: width and depth multipliers and the nominal resolution the padding is computed for. */
    record Variant(String name, double width, double depth, int resolution) {
        static final Variant B0 = new Variant("efficientnet-b0", 1.0, 1.0, 224);
        static final Variant B4 = new Variant("efficientnet-b4", 1.4, 1.8, 380);
    }

    private EfficientNetDescription() {}

    static int roundFilters(int filters, double width) {
        double f = filters * width;
        int rounded = Math.max(8, (int) (f + 4) / 8 * 8);
        if (rounded < 0.9 * f) {
            rounded += 8;
        }
        return rounded;
    }

    static int roundRepeats(int repeats, double depth) {
        return (int) Math.ceil(depth * repeats);
    }

    static BackboneSpec spec(Variant v, int inputSize, boolean reinitStem) {
        int size = stemOut(inputSize, reinitStem, v);
        for (Stage s : BASE) {
            if (s.stride() == 2) {
                size = outSize(size, s.kernel(), 2, padFor(v, s));
            }
        }
        return new BackboneSpec(
                v.name(), roundFilters(1280, v.width()), size, inputSize, BackboneSpec.HALF, BackboneSpec.HALF);
    }

    static String build(NetworkBuilder b, String input, Variant v, boolean reinitStem) {
        b.scope("backbone");
        int nominal = v.resolution();
        int stemChannels = roundFilters(32, v.width());
        Padding stemPad = reinitStem ? Padding.NONE : Padding.staticSame(nominal, 3, 2, 1);
        String x = b.conv("stem", input, stemChannels, 3, 2, stemPad, 1, false);
        x = b.batchNorm("stem_bn", x, Blocks.Norm.EFFICIENTNET.epsilon(), Blocks.Norm.EFFICIENTNET.momentum());
        x = b.silu("stem_act", x);
        nominal = ceilDiv(nominal, 2);
        int total = 0;
        for (Stage s : BASE) {
            total += roundRepeats(s.repeats(), v.depth());
        }
        int idx = 0;
        for (Stage s : BASE) {
            int in = roundFilters(s.in(), v.width());
            int out = roundFilters(s.out(), v.width());
            int repeats = roundRepeats(s.repeats(), v.depth());
            for (int r = 0; r < repeats; r++) {
                int stride = r == 0 ? s.stride() : 1;
                double dc = DROP_CONNECT * idx / total;
                x = Blocks.mbConv(
                        b,
                        "blocks." + idx,
                        x,
                        new Blocks.MbConv(
                                r == 0 ? in : out, out, s.kernel(), stride, s.expand(), SE_RATIO, dc, nominal),
                        Blocks.Norm.EFFICIENTNET);
                if (r == 0) {
                    nominal = ceilDiv(nominal, stride);
                }
                idx++;
            }
        }
        x = b.conv("head_conv", x, roundFilters(1280, v.width()), 1, 1, Padding.NONE, 1, false);
        x = b.batchNorm("head_bn", x, Blocks.Norm.EFFICIENTNET.epsilon(), Blocks.Norm.EFFICIENTNET.momentum());
        x = b.silu("head_act", x);
        b.end();
        return x;
    }

    /** Blocks per stage after depth scaling, and whether each stage's blocks expand (all but the first). */
    static int[] stageRepeats(Variant v) {
        return BASE.stream().mapToInt(s -> roundRepeats(s.repeats(), v.depth())).toArray();
    }

    static boolean stageExpands(int stage) {
        return BASE.get(stage).expand() != 1;
    }

    private static int stemOut(int inputSize, boolean reinitStem, Variant v) {
        Padding p = reinitStem ? Padding.NONE : Padding.staticSame(v.resolution(), 3, 2, 1);
        return outSize(inputSize, 3, 2, p);
    }

    private static Padding padFor(Variant v, Stage target) {
        int nominal = ceilDiv(v.resolution(), 2);
        for (Stage s : BASE) {
            if (s == target) {
                return Padding.staticSame(nominal, s.kernel(), s.stride(), 1);
            }
            nominal = ceilDiv(nominal, s.stride());
        }
        throw new IllegalStateException("unknown stage");
    }

    private static int outSize(int size, int k, int s, Padding p) {
        return (size + p.top() + p.bottom() - k) / s + 1;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
