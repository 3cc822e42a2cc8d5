package dev.prodet.train.api;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs training: backbone and strategy from the network description, forgery generators for the anchors, DJL for
 * the numbers. Provided by trainer bundles (kind {@code trainer}); called by the CLI and tests.
 *
 * <p>Progress is reported to every {@link TrainingListener} service (whiteboard pattern).
 */
@ProviderType
public interface Trainer {

    /**
     * Starts a run in the background and returns at once.
     *
     * @throws IOException when the config file cannot be read
     * @throws IllegalArgumentException when the config is invalid or a run of that id is already running
     */
    TrainingRun start(TrainingRequest request) throws IOException;

    /** The runs this trainer has started since it was activated, running or ended, oldest first. */
    List<TrainingRun> runs();
}
