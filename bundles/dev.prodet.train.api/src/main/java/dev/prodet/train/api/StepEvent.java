package dev.prodet.train.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress of a run after one optimizer step.
 *
 * <p>The loss values may be NaN or infinite: a diverging run is exactly what a listener should get to see.
 *
 * @param runId the run
 * @param step the step just completed, &ge; 0
 * @param loss total loss of the step
 * @param components named loss parts in display order, e.g. {@code l_cls}, {@code l_o}, {@code l_t}
 * @param imagesPerSecond training throughput, &ge; 0
 */
public record StepEvent(String runId, long step, double loss, Map<String, Double> components, double imagesPerSecond) {

    /** Validates the fields and copies the components, keeping their order. */
    public StepEvent {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException(
                    "StepEvent.runId must not be empty, got: " + (runId == null ? "null" : "'" + runId + "'"));
        }
        if (step < 0) {
            throw new IllegalArgumentException("StepEvent.step must be >= 0, got: " + step);
        }
        components = NamedEntries.copy("StepEvent.components", components, new LinkedHashMap<>());
        if (!(imagesPerSecond >= 0) || Double.isInfinite(imagesPerSecond)) {
            throw new IllegalArgumentException(
                    "StepEvent.imagesPerSecond must be a finite number >= 0, got: " + imagesPerSecond);
        }
    }
}
