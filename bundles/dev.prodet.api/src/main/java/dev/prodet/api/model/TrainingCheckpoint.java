package dev.prodet.api.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkJson;
import dev.prodet.api.nn.ParameterFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A training checkpoint folder {@code runs/<id>/checkpoints/step-NNNNNNNN/}, engine neutral so that the exporter,
 * the console and other engines read it without the trainer: {@value #NETWORK} (the network description),
 * {@value #PARAMS} and {@value #OPTIMIZER} (tensors in {@link ParameterFile} format) and {@value #STATE} (a
 * {@link State}). The trainer writes {@value #STATE} last, so a folder with it is complete; folders being written
 * start with a dot.
 *
 * @param dir the checkpoint folder
 * @since 1.2
 */
public record TrainingCheckpoint(Path dir) {
    /** File name of the network description. */
    public static final String NETWORK = "network.json";
    /** File name of the parameter values. */
    public static final String PARAMS = "params.bin";
    /** File name of the optimizer state. */
    public static final String OPTIMIZER = "optimizer.bin";
    /** File name of the training state, written last. */
    public static final String STATE = "state.json";

    // A partial or hand-edited state.json must fail naming what is missing, not yield nulls.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * What {@value #STATE} records: the step, the strategy then in use, and what an exporter needs to write a model
     * package without the training configuration.
     *
     * @param step the last step trained, from 0
     * @param strategy the regularizer strategy's name
     * @param seed the run's random seed
     * @param runId the run's id
     * @param backbone the backbone's plugin name
     * @param generators the forgery generators' plugin names
     * @param dataset the dataset's name
     * @param preprocessing the model input's preprocessing; null in checkpoints of versions that did not record it
     * @param framesPerVideo the most real frames the training split holds of one video; 0 in checkpoints of versions
     *     that did not record it (since 1.3)
     * @param pretrained the weights file the run started from, null when it started from random weights or the
     *     version that wrote the checkpoint did not record it (since 1.3)
     * @param codeVersion the code that wrote this checkpoint ({@link Provenance#CODE_VERSION_PROPERTY}, else the
     *     trainer bundle's version), null in checkpoints of versions that did not record it (since 1.3)
     */
    public record State(
            long step,
            String strategy,
            long seed,
            String runId,
            String backbone,
            List<String> generators,
            String dataset,
            Preprocessing preprocessing,
            int framesPerVideo,
            InitialWeights pretrained,
            String codeVersion) {

        /** Validates the fields. */
        public State {
            Checks.atLeast("TrainingCheckpoint.State", "step", step, 0);
            Checks.text("TrainingCheckpoint.State", "strategy", strategy);
            Checks.text("TrainingCheckpoint.State", "runId", runId);
            Checks.text("TrainingCheckpoint.State", "backbone", backbone);
            generators = Checks.list("TrainingCheckpoint.State", "generators", generators, true);
            Checks.notNull("TrainingCheckpoint.State", "dataset", dataset);
            Checks.atLeast("TrainingCheckpoint.State", "framesPerVideo", framesPerVideo, 0);
        }

        /** A state that records neither frames, starting weights nor code version (the canonical one before 1.3). */
        public State(
                long step,
                String strategy,
                long seed,
                String runId,
                String backbone,
                List<String> generators,
                String dataset,
                Preprocessing preprocessing) {
            this(step, strategy, seed, runId, backbone, generators, dataset, preprocessing, 0, null, null);
        }

        /**
         * The preprocessing, which exporting or scoring the checkpoint needs.
         *
         * @throws IllegalStateException when the checkpoint was written by a version that did not record it
         */
        public Preprocessing requirePreprocessing() {
            if (preprocessing == null) {
                throw new IllegalStateException("checkpoint of run " + runId + " at step " + step
                        + " records no preprocessing; re-train with this version");
            }
            return preprocessing;
        }
    }

    /** The folder name of the checkpoint after {@code step}; names sort in step order. */
    public static String folderName(long step) {
        return String.format("step-%08d", step);
    }

    /** The newest complete checkpoint in a run's {@code checkpoints} folder, if any. */
    public static Optional<TrainingCheckpoint> latest(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(checkpoints)) {
            return s.filter(p -> p.getFileName().toString().startsWith("step-"))
                    .filter(p -> Files.isRegularFile(p.resolve(STATE)))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(TrainingCheckpoint::new);
        }
    }

    /**
     * The training state.
     *
     * @throws IOException naming the file when it cannot be read or is not a complete, valid state
     */
    public State state() throws IOException {
        Path file = dir.resolve(STATE);
        try {
            if (!(JSON.readTree(file.toFile()) instanceof ObjectNode o)) {
                throw new IOException(file + " is not a valid checkpoint state: not a JSON object");
            }
            // checkpoints written before 1.3 lack these keys; every other key stays required
            if (!o.has("framesPerVideo")) {
                o.put("framesPerVideo", 0);
            }
            for (String key : new String[] {"pretrained", "codeVersion"}) {
                if (!o.has(key)) {
                    o.putNull(key);
                }
            }
            return JSON.treeToValue(o, State.class);
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IOException(file + " is not a valid checkpoint state: " + cause.getMessage(), e);
        }
    }

    /** The network description. */
    public Network network() throws IOException {
        return NetworkJson.read(Files.readString(dir.resolve(NETWORK)));
    }

    /** The parameter values by name. */
    public Map<String, float[]> params() throws IOException {
        return tensors(PARAMS);
    }

    /** The optimizer state by name. */
    public Map<String, float[]> optimizer() throws IOException {
        return tensors(OPTIMIZER);
    }

    private Map<String, float[]> tensors(String file) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            return ParameterFile.read(in);
        }
    }
}
