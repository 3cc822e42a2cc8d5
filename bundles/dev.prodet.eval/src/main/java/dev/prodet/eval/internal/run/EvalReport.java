package dev.prodet.eval.internal.run;

import java.time.Instant;
import java.util.List;

/**
 * Everything one evaluation produced; the report writer turns it into files.
 *
 * @param model what was evaluated
 * @param options how
 * @param datasets one result per dataset, in the order given
 * @param featureMap the 2-D map, or {@code null} when none was made
 * @param notes remarks for the reader (e.g. why there is no feature map)
 * @param created when the evaluation finished
 * @param seconds wall time of the evaluation
 */
public record EvalReport(
        ModelInfo model,
        EvalOptions options,
        List<DatasetResult> datasets,
        FeatureMap featureMap,
        List<String> notes,
        Instant created,
        double seconds) {

    /** Copies the lists. */
    public EvalReport {
        datasets = List.copyOf(datasets);
        notes = List.copyOf(notes);
    }
}
