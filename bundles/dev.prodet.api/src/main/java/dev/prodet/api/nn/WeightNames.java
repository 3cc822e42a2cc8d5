package dev.prodet.api.nn;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * How the tensors of one published checkpoint layout (efficientnet-pytorch, timm, torchvision, ...) are named
 * relative to the parameters of a network description. A backbone offers one per layout it can load
 * ({@link Backbone#weightNames()}); {@link PretrainedWeights} picks the one the file follows.
 *
 * @param layout the layout's name, e.g. {@code efficientnet-pytorch} (used in messages)
 * @param scope prefix of the parameters the layout covers, e.g. {@code backbone.}; every one of them must come
 *     from the file, the others (heads) keep their initial values
 * @param sourceName the file's tensor name for a parameter in scope (batch-norm γ/β/mean/var included)
 * @param unused tensors a file of this layout may carry that the network does not use (the ImageNet classifier,
 *     {@code num_batches_tracked}); any other tensor the map does not name is an error
 * @param reinitialised parameters read and checked but then left at their fresh initial value, as DeepfakeBench
 *     replaces EfficientNet-B4's stem after loading (docs/method.md §1)
 */
public record WeightNames(
        String layout,
        String scope,
        UnaryOperator<String> sourceName,
        Predicate<String> unused,
        Set<String> reinitialised) {

    public WeightNames {
        Checks.notNull("WeightNames", "layout", layout);
        Checks.notNull("WeightNames " + layout, "scope", scope);
        Checks.notNull("WeightNames " + layout, "sourceName", sourceName);
        Checks.notNull("WeightNames " + layout, "unused", unused);
        reinitialised = Set.copyOf(reinitialised);
    }

    /** The same map with {@code parameters} re-initialised after loading. */
    public WeightNames reinitialising(Set<String> parameters) {
        return new WeightNames(layout, scope, sourceName, unused, parameters);
    }

    /**
     * The batch-norm suffix in PyTorch's naming for one of ours: {@code gamma → weight}, {@code beta → bias},
     * {@code runningMean → running_mean}, {@code runningVar → running_var}; other suffixes are unchanged.
     */
    public static String torchSuffix(String ours) {
        return switch (ours) {
            case "gamma" -> "weight";
            case "beta" -> "bias";
            case "runningMean" -> "running_mean";
            case "runningVar" -> "running_var";
            default -> ours;
        };
    }
}
