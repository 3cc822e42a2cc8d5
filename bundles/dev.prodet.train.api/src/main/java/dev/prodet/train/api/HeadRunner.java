package dev.prodet.train.api;

import ai.djl.ndarray.NDList;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs the blocks of a strategy's head (attribute classifiers, projector, attention, final classifier, transition
 * blocks) with the trainer's current parameters, in training mode, inside the step's gradient collector.
 *
 * <p>The trainer builds these blocks from the network description; a strategy only calls them by name, so it needs
 * no parameter handling of its own and the same blocks can be exported to ONNX.
 */
@ProviderType
public interface HeadRunner {

    /** Names of the blocks this runner can run, e.g. {@code c_bld}, {@code c_id}, {@code c_gen}, {@code c_f}. */
    Set<String> blocks();

    /**
     * Runs one block forward.
     *
     * @param block a name from {@link #blocks()}
     * @param inputs the block's inputs
     * @return the block's outputs
     * @throws IllegalArgumentException when there is no block of that name
     */
    NDList forward(String block, NDList inputs);
}
