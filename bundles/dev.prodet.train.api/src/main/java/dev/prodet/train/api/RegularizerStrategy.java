package dev.prodet.train.api;

import dev.prodet.api.forgery.AnchorKind;
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
     * <p>ProDet (method.md §2.5): bridge adjacent anchors' features, run the attribute heads, projector and final
     * classifier through {@link StepInputs#heads()}, and return {@code L = l_cls + l_o + l_t}.
     *
     * @return the total loss to differentiate and its named parts
     */
    StepLoss computeLoss(StepInputs in);
}
