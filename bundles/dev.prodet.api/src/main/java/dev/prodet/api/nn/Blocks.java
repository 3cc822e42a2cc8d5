package dev.prodet.api.nn;

/**
 * Standard composites, written once as builder functions over primitive operations: squeeze-and-excitation,
 * MBConv (efficientnet-pytorch 0.7.1's {@code MBConvBlock}) and the basic residual block of ResNet-18/34.
 */
public final class Blocks {
    private Blocks() {}

    /** Batch-norm settings of one network family. */
    public record Norm(double epsilon, double momentum) {
        /** PyTorch defaults (ResNet). */
        public static final Norm TORCH = new Norm(1e-5, 0.1);
        /** efficientnet-pytorch: eps 1e-3, momentum 0.01. */
        public static final Norm EFFICIENTNET = new Norm(1e-3, 0.01);
    }

    /**
     * Squeeze-and-excitation as in efficientnet-pytorch: x · σ(expand(SiLU(reduce(GAP(x))))), with 1×1 convolutions
     * (with bias) for reduce and expand.
     */
    public static String squeezeExcite(NetworkBuilder b, String scope, String x, int squeezed) {
        b.scope(scope);
        int c = b.channels(x);
        String s = b.globalAvgPool("pool", x);
        s = b.conv("reduce", s, squeezed, 1, 1, Padding.NONE, 1, true);
        s = b.silu("reduce_act", s);
        s = b.conv("expand", s, c, 1, 1, Padding.NONE, 1, true);
        s = b.sigmoid("gate", s);
        String out = b.add("scale", new Op.Mul(), s, x);
        b.end();
        return out;
    }

    /** Parameters of one MBConv block. */
    public record MbConv(
            int inChannels,
            int outChannels,
            int kernel,
            int stride,
            int expandRatio,
            double seRatio,
            double dropConnect,
            int nominalSize) {}

    /**
     * efficientnet-pytorch's MBConvBlock: optional 1×1 expansion (BN, SiLU), depthwise k×k with static-same padding
     * for the nominal image size (BN, SiLU), squeeze-and-excitation with {@code max(1, in·seRatio)} channels, 1×1
     * projection (BN), and the identity skip with drop-connect when stride is 1 and channels match.
     */
    public static String mbConv(NetworkBuilder b, String scope, String in, MbConv p, Norm norm) {
        b.scope(scope);
        String x = in;
        int expanded = p.inChannels() * p.expandRatio();
        if (p.expandRatio() != 1) {
            x = b.conv("expand", x, expanded, 1, 1, Padding.NONE, 1, false);
            x = b.batchNorm("bn0", x, norm.epsilon(), norm.momentum());
            x = b.silu("act0", x);
        }
        Padding same = Padding.staticSame(p.nominalSize(), p.kernel(), p.stride(), 1);
        x = b.conv("depthwise", x, expanded, p.kernel(), p.stride(), same, expanded, false);
        x = b.batchNorm("bn1", x, norm.epsilon(), norm.momentum());
        x = b.silu("act1", x);
        if (p.seRatio() > 0) {
            int squeezed = Math.max(1, (int) (p.inChannels() * p.seRatio()));
            x = squeezeExcite(b, "se", x, squeezed);
        }
        x = b.conv("project", x, p.outChannels(), 1, 1, Padding.NONE, 1, false);
        x = b.batchNorm("bn2", x, norm.epsilon(), norm.momentum());
        if (p.stride() == 1 && p.inChannels() == p.outChannels()) {
            if (p.dropConnect() > 0) {
                x = b.add("drop_connect", new Op.DropConnect(p.dropConnect()), x);
            }
            x = b.add("skip", new Op.Add(), x, in);
        }
        b.end();
        return x;
    }

    /**
     * ResNet's basic block: 3×3 conv (stride s), BN, ReLU, 3×3 conv, BN, plus the identity or a 1×1 strided
     * projection with BN, then ReLU.
     */
    public static String basicResidual(NetworkBuilder b, String scope, String in, int out, int stride, Norm norm) {
        b.scope(scope);
        String x = b.conv("conv1", in, out, 3, stride, Padding.symmetric(1), 1, false);
        x = b.batchNorm("bn1", x, norm.epsilon(), norm.momentum());
        x = b.relu("relu1", x);
        x = b.conv("conv2", x, out, 3, 1, Padding.symmetric(1), 1, false);
        x = b.batchNorm("bn2", x, norm.epsilon(), norm.momentum());
        String shortcut = in;
        if (stride != 1 || b.channels(in) != out) {
            shortcut = b.conv("downsample.conv", in, out, 1, stride, Padding.NONE, 1, false);
            shortcut = b.batchNorm("downsample.bn", shortcut, norm.epsilon(), norm.momentum());
        }
        x = b.add("sum", new Op.Add(), x, shortcut);
        x = b.relu("relu2", x);
        b.end();
        return x;
    }
}
