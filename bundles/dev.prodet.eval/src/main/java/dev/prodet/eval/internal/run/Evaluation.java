package dev.prodet.eval.internal.run;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.FaceSample;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.model.Scorer;
import dev.prodet.eval.internal.metrics.Auc;
import dev.prodet.eval.internal.metrics.BinaryScores;
import dev.prodet.eval.internal.metrics.Bootstrap;
import dev.prodet.eval.internal.metrics.Interval;
import dev.prodet.eval.internal.metrics.MetricSet;
import dev.prodet.eval.internal.metrics.RocCurve;
import dev.prodet.eval.internal.metrics.VideoGroups;
import dev.prodet.eval.internal.perturb.Perturbation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One evaluation of one model on several datasets (docs/method.md §5.2): every face of the chosen split is scored, then
 * frame-level metrics over all faces and video-level metrics over videos (mean frame score, grouped by video id and
 * label), bootstrap intervals, optionally the robustness curves, and the feature map of the first dataset.
 */
public final class Evaluation {
    /**
     * A dataset to evaluate.
     *
     * @param root the folder it was opened from (for the report)
     * @param dataset the opened dataset
     */
    public record Input(Path root, Dataset dataset) {}

    private final Scorer scorer;
    private final ModelInfo model;
    private final EvalOptions options;
    private final Consumer<String> log;

    /** @param log receives progress lines */
    public Evaluation(Scorer scorer, ModelInfo model, EvalOptions options, Consumer<String> log) {
        this.scorer = scorer;
        this.model = model;
        this.options = options;
        this.log = log;
    }

    /** Runs the evaluation; generators (by plugin name) feed the feature map and may be empty. */
    public EvalReport run(List<Input> inputs, Map<String, ForgeryGenerator> generators) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no dataset to evaluate");
        }
        long t0 = System.nanoTime();
        Evaluator evaluator = new Evaluator(scorer, options.batch());
        List<DatasetResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        FeatureMap map = null;
        for (Input in : inputs) {
            String name = in.dataset().name();
            List<FaceSample> faces = in.dataset().samples(options.split());
            if (faces.isEmpty()) {
                throw new IllegalArgumentException("dataset " + name + " (" + in.root() + ") has no faces in split "
                        + options.split().id());
            }
            log.accept(String.format(
                    Locale.ROOT,
                    "%s: scoring %d %s faces",
                    name,
                    faces.size(),
                    options.split().id()));
            long s0 = System.nanoTime();
            List<Prediction> preds = evaluator.score(faces, null, 0, options.seed());
            double fps = faces.size() / ((System.nanoTime() - s0) / 1e9);
            DatasetResult r = metrics(name, in.root(), preds, fps); // fails early when a class is missing
            if (options.robustness()) {
                r = new DatasetResult(
                        r.name(),
                        r.root(),
                        r.predictions(),
                        r.frame(),
                        r.video(),
                        r.frameRoc(),
                        r.videoRoc(),
                        robustness(name, faces, r, evaluator),
                        fps);
            }
            log.accept(String.format(
                    Locale.ROOT,
                    "%s: frame AUC %.4f, video AUC %.4f (%d videos), %.1f faces/s",
                    name,
                    r.frame().auc(),
                    r.video().auc(),
                    r.video().count(),
                    fps));
            results.add(r);
            if (map == null && options.mapFaces() > 0) {
                try {
                    map = new FeatureMapBuilder(scorer)
                            .build(
                                    name,
                                    faces,
                                    preds,
                                    generators,
                                    options.mapFaces(),
                                    !(in.dataset() instanceof ForgedDataset),
                                    options.seed(),
                                    log);
                } catch (UnsupportedOperationException e) {
                    notes.add("no feature map: " + e.getMessage());
                    log.accept("no feature map: " + e.getMessage());
                }
            }
        }
        return new EvalReport(model, options, results, map, notes, Instant.now(), (System.nanoTime() - t0) / 1e9);
    }

    private DatasetResult metrics(String name, Path root, List<Prediction> preds, double fps) {
        BinaryScores frames = scores(preds);
        VideoGroups groups =
                new VideoGroups(preds.stream().map(Prediction::videoId).toList(), frames);
        double th = model.threshold();
        MetricSet frame = MetricSet.of(frames, th, "frame-level metrics of " + name);
        MetricSet video = MetricSet.of(groups.videos(), th, "video-level metrics of " + name);
        Interval[] ci = new Bootstrap(options.bootstrap(), options.seed()).aucIntervals(frames, groups, name);
        return new DatasetResult(
                name,
                root,
                preds,
                frame.withAucCi(ci[0]),
                video.withAucCi(ci[1]),
                RocCurve.of(frames, name),
                RocCurve.of(groups.videos(), name),
                List.of(),
                fps);
    }

    /** Level 0 is the clean result; levels 1–4 score every face again, perturbed. */
    private List<RobustnessCurve> robustness(
            String name, List<FaceSample> faces, DatasetResult clean, Evaluator evaluator) {
        List<RobustnessCurve> curves = new ArrayList<>();
        for (Perturbation p : Perturbation.values()) {
            double[] frame = new double[Perturbation.LEVELS];
            double[] video = new double[Perturbation.LEVELS];
            frame[0] = clean.frame().auc();
            video[0] = clean.video().auc();
            for (int level = 1; level < Perturbation.LEVELS; level++) {
                double[] a = aucs(name, evaluator.score(faces, p, level, options.seed()));
                frame[level] = a[0];
                video[level] = a[1];
            }
            log.accept(String.format(
                    Locale.ROOT, "%s: %s frame AUC by level %s", name, p.id(), Arrays.toString(round(frame))));
            curves.add(new RobustnessCurve(p, frame, video));
        }
        return curves;
    }

    private static double[] aucs(String name, List<Prediction> preds) {
        BinaryScores frames = scores(preds);
        VideoGroups groups =
                new VideoGroups(preds.stream().map(Prediction::videoId).toList(), frames);
        return new double[] {
            Auc.of(frames, "frame-level AUC of " + name), Auc.of(groups.videos(), "video-level AUC of " + name)
        };
    }

    static BinaryScores scores(List<Prediction> preds) {
        double[] s = new double[preds.size()];
        int[] l = new int[preds.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = preds.get(i).score();
            l[i] = preds.get(i).label();
        }
        return new BinaryScores(s, l);
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 1e4) / 1e4;
        }
        return r;
    }
}
