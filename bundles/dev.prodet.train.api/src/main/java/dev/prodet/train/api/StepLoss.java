package dev.prodet.train.api;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loss of one training step: the scalar the trainer differentiates and its named parts for logging.
 *
 * @param total the scalar loss (one element), connected to the parameters' gradients
 * @param components named parts of the loss, in display order (e.g. {@link #L_CLS}, {@link #L_O}, {@link #L_T});
 *     scalars; may be empty
 */
public record StepLoss(NDArray total, Map<String, NDArray> components) {

    /** Final classifier loss, SCE of C_f on the blend label (docs/method.md §2.5). */
    public static final String L_CLS = "l_cls";
    /** Oriented progressive regularizer loss: the three attribute SCE losses. */
    public static final String L_O = "l_o";
    /** Transition loss: MSE of the transition blocks to the next anchor's features. */
    public static final String L_T = "l_t";

    /** Validates the fields and copies the components, keeping their order. */
    public StepLoss {
        if (total == null) {
            throw new IllegalArgumentException("StepLoss.total must not be null");
        }
        if (total.getShape().size() != 1) {
            throw new IllegalArgumentException("StepLoss.total must be a scalar, got shape " + total.getShape());
        }
        if (components == null) {
            throw new IllegalArgumentException("StepLoss.components must not be null");
        }
        Map<String, NDArray> copy = new LinkedHashMap<>();
        components.forEach((name, value) -> {
            if (name == null || name.isBlank() || value == null) {
                throw new IllegalArgumentException(
                        "StepLoss.components entries must be named and non-null, got: " + name + "=" + value);
            }
            copy.put(name, value);
        });
        components = Collections.unmodifiableMap(copy);
    }

    /** A loss without named parts. */
    public static StepLoss of(NDArray total) {
        return new StepLoss(total, Map.of());
    }

    /** The scalar value of the total loss. Reads it from the device, so call it once per step at most. */
    public double totalValue() {
        return total.getFloat();
    }

    /**
     * The component values as numbers, in order. Reads them from the device (a synchronisation point), so call it
     * only when they are logged.
     */
    public Map<String, Double> componentValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        components.forEach((name, value) -> values.put(name, (double) value.getFloat()));
        return Collections.unmodifiableMap(values);
    }
}
