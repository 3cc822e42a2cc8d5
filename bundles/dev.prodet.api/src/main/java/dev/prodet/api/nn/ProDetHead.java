package dev.prodet.api.nn;

import java.util.List;

/**
 * The ProDet head (docs/method.md §1), described once: the 1×1 feature adjustment, the three attribute heads
 * (blend, identity, generative), the per-attribute projector (Linear → LeakyReLU → Linear → reshape →
 * ConvTranspose to the feature-map size), the attention block over concat[T_gen, T_bld, T_id, f], the re-weighted
 * feature f ⊙ A and the final classifier C_f. The three transition blocks (real→SBI, SBI→CBI, CBI→DF) are marked
 * training-only. With {@link Config#attributeHeads()} off, only adjustment and C_f are built (plain binary
 * classifier, e.g. VHT).
 */
public final class ProDetHead {
    /** Tensor names the head exposes (node names under scope {@code head}). */
    public static final String FEATURE = "head.adjust";

    public static final String LOGITS = "head.cls.fc2";
    public static final String P_FAKE = "head.p_fake";
    public static final String ATTENTION = "head.attention.gate";
    public static final String Z_BLEND = "head.bld.fc2";
    public static final String Z_IDENTITY = "head.id.fc2";
    public static final String Z_GENERATIVE = "head.gen.fc2";
    /** Transition outputs, in latent order: real→SBI, SBI→CBI, CBI→DF. */
    public static final List<String> TRANSITIONS =
            List.of("head.t_rs.out_act", "head.t_sc.out_act", "head.t_cd.out_act");
    /** LeakyReLU slope of PyTorch's default {@code nn.LeakyReLU()}. */
    public static final double LEAKY = 0.01;

    private ProDetHead() {}

    /**
     * Head configuration.
     *
     * @param featureWidth F, the channels of the adjusted feature (512 in the paper)
     * @param hidden width of the attribute/classifier MLPs and projectors (256 in the paper)
     * @param attributeHeads build heads, projectors and attention (ProDet) or only C_f (VHT)
     * @param transitions build the three training-only transition blocks
     */
    public record Config(int featureWidth, int hidden, boolean attributeHeads, boolean transitions) {
        /** The paper's sizes. */
        public static final Config PAPER = new Config(512, 256, true, true);
    }

    /**
     * Adds the head over the backbone feature map {@code features} and declares outputs {@code p_fake},
     * {@code logits} and (with attribute heads) {@code attention}; returns the name of {@code p_fake}.
     */
    public static String build(NetworkBuilder b, String features, Config cfg) {
        return build(b, features, cfg, cfg.attributeHeads() ? ProDetHead::tripletBinary : null);
    }

    /**
     * The ablation heads of docs/method.md §2.8: one attribute classifier with {@code attributeLogits} outputs (M-C:
     * 4 classes real/SBI/CBI/deepfake; M-L: 3 labels blend/identity/generative) whose logits feed one projector,
     * in place of the three binary heads. Everything else as {@link #build}. Its logits are {@link #Z_ATTRIBUTES}.
     */
    public static String buildSingleAttributeHead(NetworkBuilder b, String features, Config cfg, int attributeLogits) {
        return build(
                b,
                features,
                cfg,
                (bb, f, c, size) -> List.of(
                        projector(bb, "proj_attr", classifier(bb, "attr", f, c.hidden(), attributeLogits), c, size)));
    }

    /** Logits of the single attribute head of {@link #buildSingleAttributeHead}. */
    public static final String Z_ATTRIBUTES = "head.attr.fc2";

    /** Adds attribute classifiers and their projectors; returns the projected maps in attention order. */
    private interface Attributes {
        List<String> project(NetworkBuilder b, String f, Config cfg, int size);
    }

    /** ProDet as released: three binary heads, projected in the order (gen, bld, id) the attention expects. */
    private static List<String> tripletBinary(NetworkBuilder b, String f, Config cfg, int size) {
        String zb = classifier(b, "bld", f, cfg.hidden(), 2);
        String zi = classifier(b, "id", f, cfg.hidden(), 2);
        String zg = classifier(b, "gen", f, cfg.hidden(), 2);
        String tg = projector(b, "proj_gen", zg, cfg, size);
        String tb = projector(b, "proj_bld", zb, cfg, size);
        String ti = projector(b, "proj_id", zi, cfg, size);
        return List.of(tg, tb, ti);
    }

    private static String build(NetworkBuilder b, String features, Config cfg, Attributes attributes) {
        int size = (int) b.shape(features).dims()[2];
        b.scope("head");
        String f = b.conv("adjust", features, cfg.featureWidth(), 1, 1, Padding.NONE, 1, true);
        String weighted = f;
        if (attributes != null) {
            String a = attention(b, attributes.project(b, f, cfg, size), f, cfg.featureWidth());
            weighted = b.add("reweighted", new Op.Mul(), f, a);
        }
        String logits = classifier(b, "cls", weighted, cfg.hidden(), 2);
        String probs = b.add("softmax", new Op.Softmax(1), logits);
        String pFake = b.add("p_fake", new Op.Take(1, 1), probs);
        if (cfg.transitions()) {
            b.trainingOnly(true);
            transition(b, "t_rs", f);
            transition(b, "t_sc", f);
            transition(b, "t_cd", f);
            b.trainingOnly(false);
        }
        b.end();
        b.output("p_fake", pFake).output("logits", logits);
        if (attributes != null) {
            b.output("attention", ATTENTION);
        }
        return pFake;
    }

    /** GAP → flatten → Linear(F→H) → LeakyReLU → Linear(H→outputs): the shape of every head and of C_f. */
    private static String classifier(NetworkBuilder b, String scope, String f, int hidden, int outputs) {
        b.scope(scope);
        String x = b.globalAvgPool("pool", f);
        x = b.flatten("flat", x);
        x = b.linear("fc1", x, hidden);
        x = b.leakyRelu("act", x, LEAKY);
        x = b.linear("fc2", x, outputs);
        b.end();
        return x;
    }

    /** T_a(z) = ConvTranspose(F→F, k=S)(reshape(Linear(H→F)(LeakyReLU(Linear(2→H)(z))))). */
    private static String projector(NetworkBuilder b, String scope, String z, Config cfg, int size) {
        b.scope(scope);
        String x = b.linear("fc1", z, cfg.hidden());
        x = b.leakyRelu("act", x, LEAKY);
        x = b.linear("fc2", x, cfg.featureWidth());
        x = b.add("reshape", new Op.Reshape(List.of((long) cfg.featureWidth(), 1L, 1L)), x);
        x = b.add(
                "deconv",
                new Op.ConvTranspose2d(cfg.featureWidth(), cfg.featureWidth(), size, size, 1, 1, Padding.NONE, true),
                x);
        b.end();
        return x;
    }

    /** A = σ(Conv3×3(ReLU(BN(Conv1×1(ReLU(BN(Conv1×1(concat[T_gen, T_bld, T_id, f]))))))). */
    private static String attention(NetworkBuilder b, List<String> projected, String f, int width) {
        b.scope("attention");
        String[] in = new String[projected.size() + 1];
        for (int k = 0; k < projected.size(); k++) {
            in[k] = projected.get(k);
        }
        in[projected.size()] = f;
        String x = b.add("concat", new Op.Concat(1), in);
        x = b.conv("conv1", x, width, 1, 1, Padding.NONE, 1, true);
        x = b.batchNorm("bn1", x, 1e-5, 0.1);
        x = b.relu("relu1", x);
        x = b.conv("conv2", x, width, 1, 1, Padding.NONE, 1, true);
        x = b.batchNorm("bn2", x, 1e-5, 0.1);
        x = b.relu("relu2", x);
        x = b.conv("conv3", x, width, 3, 1, Padding.symmetric(1), 1, true);
        x = b.sigmoid("gate", x);
        b.end();
        return x;
    }

    /**
     * DriftBlock: n = LReLU(Conv3×3(LReLU(Conv3×3(ε)))) with fresh ε ~ N(0,1) shaped like f; out =
     * LReLU(Conv3×3(LReLU(Conv1×1(concat[f_in, n])))). It reads the adjusted feature; a strategy feeds it the rows
     * of the anchor it starts from.
     */
    private static String transition(NetworkBuilder b, String scope, String f) {
        int w = b.channels(f);
        b.scope(scope);
        String n = b.add("noise", new Op.GaussianNoise(), f);
        n = b.conv("noise_conv1", n, w, 3, 1, Padding.symmetric(1), 1, true);
        n = b.leakyRelu("noise_act1", n, LEAKY);
        n = b.conv("noise_conv2", n, w, 3, 1, Padding.symmetric(1), 1, true);
        n = b.leakyRelu("noise_act2", n, LEAKY);
        String x = b.add("concat", new Op.Concat(1), f, n);
        x = b.conv("fuse", x, w, 1, 1, Padding.NONE, 1, true);
        x = b.leakyRelu("fuse_act", x, LEAKY);
        x = b.conv("out", x, w, 3, 1, Padding.symmetric(1), 1, true);
        x = b.leakyRelu("out_act", x, LEAKY);
        b.end();
        return x;
    }
}
