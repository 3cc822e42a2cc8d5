package dev.prodet.train.api;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs parts of the network description (the strategy's head: attribute classifiers, projector, attention, final
 * classifier, transition blocks) with the trainer's current parameters, in training mode, inside the step's
 * gradient collector.
 *
 * <p>The trainer lowers the whole description to DJL; a strategy names the tensors it wants and the tensors it
 * supplies, e.g. {@code run(Map.of("head.adjust", mixedFeatures), List.of("head.cls.fc2"))}, so it needs no
 * parameter handling of its own and the same head is exported to ONNX.
 */
@ProviderType
public interface HeadRunner {

    /**
     * Evaluates {@code wanted} tensors of the network description from {@code given} ones.
     *
     * @param given values of graph tensors (node names) to start from; their batch size may differ from the step's
     * @param wanted node names to compute
     * @return the wanted tensors, by name
     * @throws IllegalArgumentException when a wanted tensor cannot be computed from the given ones
     */
    Map<String, NDArray> run(Map<String, NDArray> given, List<String> wanted);
}
