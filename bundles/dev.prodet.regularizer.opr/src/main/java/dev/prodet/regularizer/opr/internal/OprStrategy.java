package dev.prodet.regularizer.opr.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.ProDetHead;
import dev.prodet.train.api.Losses;
import dev.prodet.train.api.RegularizerStrategy;
import dev.prodet.train.api.StepInputs;
import dev.prodet.train.api.StepLoss;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ProDet's oriented progressive regularizer with triplet binary attribute heads (docs/method.md §2): feature bridging
 * between adjacent anchors with λ ~ Beta(α, α), α ~ U(0.5, 2), soft attribute labels, the transition loss through
 * the noise-conditioned transition blocks, and L = w_cls·L_cls + w_o·L_o + w_t·L_t (all weights 1 as released).
 */
class OprStrategy implements RegularizerStrategy {
    private final String name;
    private final LatentOrder order;
    private final AttributeHeads variant;
    private volatile OprWeights weights;

    /** Loss weights and the bridging switch (off = the "w/o FB" ablation). */
    record OprWeights(double cls, double o, double t, boolean bridging) {
        static final OprWeights RELEASED = new OprWeights(1, 1, 1, true);
    }

    OprStrategy(String name, LatentOrder order) {
        this(name, order, AttributeHeads.TRIPLET_BINARY);
    }

    OprStrategy(String name, LatentOrder order, AttributeHeads variant) {
        this.name = name;
        this.order = order;
        this.variant = variant;
        this.weights = OprWeights.RELEASED;
    }

    void setWeights(OprWeights w) {
        this.weights = w;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<AnchorKind> anchors() {
        return List.of(AnchorKind.REAL, AnchorKind.SBI, AnchorKind.CBI, AnchorKind.DEEPFAKE);
    }

    @Override
    public Set<String> ownedParameterPrefixes() {
        return variant.owned();
    }

    @Override
    public String buildHead(NetworkBuilder b, String backboneFeatures, int featureWidth, int hidden) {
        return variant.build(b, backboneFeatures, new ProDetHead.Config(featureWidth, hidden, true, true));
    }

    @Override
    public StepLoss computeLoss(StepInputs in) {
        OprWeights w = weights;
        NDManager m = in.manager();
        int n = in.tuples();
        NDArray f = in.features().get(0);
        SoftLabels labels = SoftLabels.forLayout(in.layout(), n);
        List<NDArray> parts = new ArrayList<>(List.of(f));
        NDArray lt = m.zeros(new ai.djl.ndarray.types.Shape());
        for (int p = 0; p < order.pairs.size(); p++) {
            LatentOrder.Pair pair = order.pairs.get(p);
            if (!in.layout().contains(pair.from()) || !in.layout().contains(pair.to())) {
                continue; // e.g. BF-only data has no deepfake block
            }
            NDArray from = rows(f, in.offset(pair.from()), n);
            NDArray to = rows(f, in.offset(pair.to()), n);
            if (w.t() > 0) {
                NDArray moved = in.heads()
                        .run(Map.of(FEATURE, from), List.of(ProDetHead.TRANSITIONS.get(p)))
                        .get(ProDetHead.TRANSITIONS.get(p));
                lt = lt.add(Losses.mse(moved, to));
            }
            if (w.bridging()) {
                float[] lam = BetaSampler.bridgingLambdas(n, in.rng());
                NDArray l = m.create(lam).reshape(n, 1, 1, 1);
                parts.add(to.mul(l).add(from.mul(l.onesLike().sub(l))));
                labels.addBridge(pair.from(), pair.to(), lam);
            }
        }
        NDArray all = NDArrays.concat(new NDList(parts), 0);
        NDArray yBld = m.create(labels.blend());
        Map<String, NDArray> out = in.heads().run(Map.of(FEATURE, all), variant.outputs());
        NDArray lo = variant.attributeLoss(out, labels, m);
        NDArray lcls = Losses.softCrossEntropy(out.get(ProDetHead.LOGITS), yBld);
        // weights as tensors of the step's manager: DJL's mul(Number) frees its scalar while autograd still needs it
        NDArray total = lcls.mul(m.create((float) w.cls()))
                .add(lo.mul(m.create((float) w.o())))
                .add(lt.mul(m.create((float) w.t())));
        Map<String, NDArray> parts2 = new LinkedHashMap<>();
        parts2.put(StepLoss.L_CLS, lcls);
        parts2.put(StepLoss.L_O, lo);
        parts2.put(StepLoss.L_T, lt);
        return new StepLoss(total, parts2);
    }

    private static NDArray rows(NDArray f, int start, int n) {
        return f.get(start + ":" + (start + n));
    }
}
