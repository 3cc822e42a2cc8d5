package dev.prodet.eval.internal.run;

import dev.prodet.eval.internal.metrics.MetricSet;
import dev.prodet.eval.internal.metrics.RocCurve;
import java.nio.file.Path;
import java.util.List;

/**
 * The evaluation of one dataset split.
 *
 * @param name dataset name
 * @param root dataset folder
 * @param predictions one per face, in the dataset's order
 * @param frame frame-level metrics
 * @param video video-level metrics (videos grouped by id and label)
 * @param frameRoc frame-level ROC points
 * @param videoRoc video-level ROC points
 * @param robustness one curve per perturbation; empty unless asked for
 * @param framesPerSecond faces scored per second in the clean pass (loading, preprocessing and inference)
 */
public record DatasetResult(
        String name,
        Path root,
        List<Prediction> predictions,
        MetricSet frame,
        MetricSet video,
        RocCurve frameRoc,
        RocCurve videoRoc,
        List<RobustnessCurve> robustness,
        double framesPerSecond) {

    /** Copies the lists. */
    public DatasetResult {
        predictions = List.copyOf(predictions);
        robustness = List.copyOf(robustness);
    }
}
