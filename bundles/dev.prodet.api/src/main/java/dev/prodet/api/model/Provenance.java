package dev.prodet.api.model;

import java.util.List;

/**
 * Where a model came from, so that a deployed detector can be traced to and reproduced from its training run.
 *
 * @param backbone backbone plugin name, e.g. {@code efficientnet-b4}
 * @param regularizer regularizer strategy name, e.g. {@code opr-tb}
 * @param generators forgery generator names used in training, e.g. {@code [sbi, cbi]}; may be empty
 * @param dataset training dataset name (and split/compression), e.g. {@code FaceForensics++ c23}
 * @param framesPerVideo the most real frames the training split holds of one video (a photograph is a video of one
 *     frame); 0 where the checkpoint did not record it (format versions 1 and 2 always wrote 1, read as 0)
 * @param seed the run's random seed
 * @param trainingSteps optimizer steps done, &ge; 0
 * @param codeVersion version of the ProDet code that trained it (e.g. a git commit)
 * @param pretrained the weights file the backbone started from; {@code null} when it started from random weights or
 *     the checkpoint did not record it (before format version 3)
 */
public record Provenance(
        String backbone,
        String regularizer,
        List<String> generators,
        String dataset,
        int framesPerVideo,
        long seed,
        long trainingSteps,
        String codeVersion,
        InitialWeights pretrained) {

    /**
     * The framework property naming the code that runs: the launcher sets it to the checkout's {@code git describe
     * --always --dirty}; a run records it as the {@code codeVersion} of what it trains.
     *
     * @since 1.3
     */
    public static final String CODE_VERSION_PROPERTY = "prodet.codeVersion";

    /** Validates the fields. */
    public Provenance {
        Checks.text("Provenance", "backbone", backbone);
        Checks.text("Provenance", "regularizer", regularizer);
        generators = Checks.list("Provenance", "generators", generators, true);
        Checks.text("Provenance", "dataset", dataset);
        Checks.atLeast("Provenance", "framesPerVideo", framesPerVideo, 0);
        Checks.atLeast("Provenance", "trainingSteps", trainingSteps, 0);
        Checks.text("Provenance", "codeVersion", codeVersion);
    }

    /**
     * Provenance of a run that started from random weights.
     *
     * <p>The canonical constructor before 1.3.
     */
    public Provenance(
            String backbone,
            String regularizer,
            List<String> generators,
            String dataset,
            int framesPerVideo,
            long seed,
            long trainingSteps,
            String codeVersion) {
        this(backbone, regularizer, generators, dataset, framesPerVideo, seed, trainingSteps, codeVersion, null);
    }
}
