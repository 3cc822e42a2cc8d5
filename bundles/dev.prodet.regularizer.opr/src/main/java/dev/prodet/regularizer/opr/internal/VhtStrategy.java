package dev.prodet.regularizer.opr.internal;

import ai.djl.ndarray.NDArray;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.ProDetHead;
import dev.prodet.api.plugin.Plugin;
import dev.prodet.train.api.Losses;
import dev.prodet.train.api.RegularizerStrategy;
import dev.prodet.train.api.StepInputs;
import dev.prodet.train.api.StepLoss;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Vanilla hybrid training (VHT): every anchor in one binary classifier (real = 0, any forgery = 1); no attribute
 * heads, no bridging, no transitions. The head is the adjustment and C_f only, which it shares with opr-tb.
 */
@Component(service = RegularizerStrategy.class, property = "service.ranking:Integer=0")
@Plugin.Regularizer(name = "vht", description = "plain binary classifier on all anchors (VHT baseline)")
public final class VhtStrategy extends AllAnchorsStrategy {
    public VhtStrategy() {
        super("vht", Set.of());
    }

    @Override
    public String buildHead(NetworkBuilder b, String backboneFeatures, int featureWidth, int hidden) {
        return ProDetHead.build(b, backboneFeatures, new ProDetHead.Config(featureWidth, hidden, false, false));
    }

    @Override
    public StepLoss computeLoss(StepInputs in) {
        float[] y = SoftLabels.forLayout(in.layout(), in.tuples()).blend();
        NDArray logits = in.heads()
                .run(Map.of(FEATURE, in.features().get(0)), List.of(ProDetHead.LOGITS))
                .get(ProDetHead.LOGITS);
        NDArray lcls = Losses.softCrossEntropy(logits, in.manager().create(y));
        return new StepLoss(lcls, Map.of(StepLoss.L_CLS, lcls));
    }
}
