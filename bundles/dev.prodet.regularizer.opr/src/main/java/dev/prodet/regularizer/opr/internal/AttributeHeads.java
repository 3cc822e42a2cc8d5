package dev.prodet.regularizer.opr.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.ProDetHead;
import dev.prodet.train.api.Losses;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribute strategies of docs/method.md §2.8: how the forgery attributes are predicted and what L_o is. Bridging,
 * transitions and the final classifier are the same for all three.
 */
enum AttributeHeads {
    /** TB, ProDet as released: three 2-way heads (blend, identity, generative), soft cross-entropy each. */
    TRIPLET_BINARY {
        @Override
        String build(NetworkBuilder b, String features, ProDetHead.Config cfg) {
            return ProDetHead.build(b, features, cfg);
        }

        @Override
        List<String> outputs() {
            return List.of(ProDetHead.Z_BLEND, ProDetHead.Z_IDENTITY, ProDetHead.Z_GENERATIVE, ProDetHead.LOGITS);
        }

        @Override
        NDArray attributeLoss(Map<String, NDArray> out, SoftLabels labels, NDManager m) {
            return Losses.softCrossEntropy(out.get(ProDetHead.Z_BLEND), m.create(labels.blend()))
                    .add(Losses.softCrossEntropy(out.get(ProDetHead.Z_IDENTITY), m.create(labels.identity())))
                    .add(Losses.softCrossEntropy(out.get(ProDetHead.Z_GENERATIVE), m.create(labels.generative())));
        }

        @Override
        Set<String> owned() {
            return Set.of("head.bld.", "head.id.", "head.gen.", "head.proj_", "head.attention.", "head.t_");
        }
    },
    /** M-C: one 4-way head over real, SBI, CBI, deepfake; a bridge's target splits (1 − λ, λ) over its classes. */
    MULTI_CLASS {
        @Override
        String build(NetworkBuilder b, String features, ProDetHead.Config cfg) {
            return ProDetHead.buildSingleAttributeHead(b, features, cfg, SoftLabels.CLASSES);
        }

        @Override
        NDArray attributeLoss(Map<String, NDArray> out, SoftLabels labels, NDManager m) {
            float[] t = labels.classes();
            return Losses.softCrossEntropyK(
                    out.get(ProDetHead.Z_ATTRIBUTES),
                    m.create(t).reshape(t.length / SoftLabels.CLASSES, SoftLabels.CLASSES));
        }
    },
    /** M-L: one head of 3 sigmoid logits (blend, identity, generative), binary cross-entropy on soft targets. */
    MULTI_LABEL {
        @Override
        String build(NetworkBuilder b, String features, ProDetHead.Config cfg) {
            return ProDetHead.buildSingleAttributeHead(b, features, cfg, 3);
        }

        @Override
        NDArray attributeLoss(Map<String, NDArray> out, SoftLabels labels, NDManager m) {
            float[] t = labels.triples();
            return Losses.binaryCrossEntropyWithLogits(
                    out.get(ProDetHead.Z_ATTRIBUTES), m.create(t).reshape(t.length / 3, 3));
        }
    };

    abstract String build(NetworkBuilder b, String features, ProDetHead.Config cfg);

    abstract NDArray attributeLoss(Map<String, NDArray> out, SoftLabels labels, NDManager m);

    /** Tensors the loss needs from the head. */
    List<String> outputs() {
        return List.of(ProDetHead.Z_ATTRIBUTES, ProDetHead.LOGITS);
    }

    /** Parameter prefixes of the head parts only this strategy uses (re-initialised when it is swapped in). */
    Set<String> owned() {
        return Set.of("head.attr.", "head.proj_", "head.attention.", "head.t_");
    }
}
