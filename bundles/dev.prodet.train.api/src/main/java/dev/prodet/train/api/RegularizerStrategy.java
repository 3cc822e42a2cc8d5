package dev.prodet.train.api;

import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.nn.NetworkBuilder;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Defines how the latent space is organised and what the training losses are: ProDet's oriented progressive
 * regularizer and its ablation variants, plain hybrid training (VHT), ... Implemented by regularizer plugins
 * (kind {@code regularizer}).
 *
 * <p>A strategy can be swapped while a run is going; the swap applies at the next step boundary. The trainer then
 * keeps the backbone and every parameter the new strategy does not {@linkplain #ownedParameterPrefixes() own}, and
 * initialises only the new strategy's own parameters. Implementations must be stateless between steps (all state
 * lives in parameters), so that a swap back and forth is well defined.
 */
@ConsumerType
public interface RegularizerStrategy {

    /** Name of the strategy, e.g. {@code opr-tb}; matches the plugin's name property. */
    String name();

    /**
     * Describes this strategy's head in the network description, on top of the backbone's feature map
     * {@code backboneFeatures}. The head must contain the tensor {@link #FEATURE} (the feature the losses work on;
     * its value for the batch is {@link StepInputs#features()}) and declare the graph outputs {@code p_fake} and
     * {@code logits}, which inference and the ONNX export use.
     *
     * @param featureWidth channels of {@link #FEATURE} (512 in the paper)
     * @param hidden width of the head's MLPs (256 in the paper)
     * @return the name of the {@code p_fake} tensor
     */
    String buildHead(NetworkBuilder b, String backboneFeatures, int featureWidth, int hidden);

    /** Name of the feature tensor every head provides: ProDet's adjusted feature f = P(E(x)). */
    String FEATURE = "head.adjust";

    /**
     * The anchors every batch must contain, in the order of the batch's blocks. ProDet: {@code [REAL, SBI, CBI,
     * DEEPFAKE]}; BF-only: {@code [REAL, SBI, CBI]}. Must not be empty or hold duplicates.
     */
    List<AnchorKind> anchors();

    /**
     * Prefixes of the names of the parameters this strategy owns (its heads, projector, attention, transition
     * blocks), e.g. {@code attr_heads.}, {@code drift.}. Parameters outside these prefixes (backbone, shared
     * classifier) survive a swap.
     */
    Set<String> ownedParameterPrefixes();

    /** Whether the parameter of the given name is one of this strategy's own. */
    default boolean owns(String parameterName) {
        for (String prefix : ownedParameterPrefixes()) {
            if (parameterName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Computes the loss of one training step. Called inside the trainer's gradient collector: every array the
     * strategy creates must come from {@code in.manager()}, and every random draw (bridging λ, noise) from
     * {@code in.rng()}, so a run is reproducible from its seed.
     *
     * <p>ProDet (docs/method.md §2.5): bridge adjacent anchors' features, run the attribute heads, projector and final
     * classifier through {@link StepInputs#heads()}, and return {@code L = l_cls + l_o + l_t}.
     *
     * @return the total loss to differentiate and its named parts
     */
    StepLoss computeLoss(StepInputs in);
}
