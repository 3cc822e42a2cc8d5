package dev.prodet.api.model;

import java.util.List;

/**
 * Where a model came from, so that a deployed detector can be traced to and reproduced from its training run.
 *
 * @param backbone backbone plugin name, e.g. {@code efficientnet-b4}
 * @param regularizer regularizer strategy name, e.g. {@code opr-tb}
 * @param generators forgery generator names used in training, e.g. {@code [sbi, cbi]}; may be empty
 * @param dataset training dataset name (and split/compression), e.g. {@code FaceForensics++ c23}
 * @param framesPerVideo frames sampled per training video, &gt; 0
 * @param seed the run's random seed
 * @param trainingSteps optimizer steps done, &ge; 0
 * @param codeVersion version of the ProDet code that trained it (e.g. a git commit)
 */
public record Provenance(
        String backbone,
        String regularizer,
        List<String> generators,
        String dataset,
        int framesPerVideo,
        long seed,
        long trainingSteps,
        String codeVersion) {

    /** Validates the fields. */
    public Provenance {
        Checks.text("Provenance", "backbone", backbone);
        Checks.text("Provenance", "regularizer", regularizer);
        generators = Checks.list("Provenance", "generators", generators, true);
        Checks.text("Provenance", "dataset", dataset);
        Checks.atLeast("Provenance", "framesPerVideo", framesPerVideo, 1);
        Checks.atLeast("Provenance", "trainingSteps", trainingSteps, 0);
        Checks.text("Provenance", "codeVersion", codeVersion);
    }
}
