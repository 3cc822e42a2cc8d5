package dev.prodet.serve.internal.detect;

import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.api.ModelAccess;
import dev.prodet.serve.internal.infer.RunResult;
import dev.prodet.serve.internal.infer.Tensor;
import dev.prodet.serve.internal.repo.Lease;
import java.util.ArrayList;
import java.util.List;

/** Scores aligned faces with a leased model version in one session run, as training prepared its crops. */
final class FaceScorer {
    private FaceScorer() {}

    /**
     * The faces scored.
     *
     * @param faces the faces, largest first
     * @param max the highest fakeness
     * @param run how the session run went
     * @param preprocessNanos time spent making the input tensor
     */
    record Scored(List<DetectResult.ScoredFace> faces, double max, RunResult run, long preprocessNanos) {}

    static Scored score(Lease lease, List<FaceStage.Face> faces, boolean heatmap) throws ApiException {
        ModelMetadata md = lease.version().metadata();
        Preprocessing pre = md.preprocessing();
        long t0 = System.nanoTime();
        int n = faces.size();
        int size = InputTensors.size(pre);
        float[] input = new float[n * size];
        for (int i = 0; i < n; i++) {
            InputTensors.fill(faces.get(i).crop(), pre, input, i * size);
        }
        long preprocess = System.nanoTime() - t0;
        RunResult r = ModelAccess.run(lease, input, n);
        double[] scores;
        try {
            scores = Fakeness.of(r.outputs(), n);
        } catch (IllegalStateException e) {
            throw new ApiException(
                    500,
                    "bad-model-output",
                    "model " + md.name() + " version " + md.version() + " gave no usable fakeness: " + e.getMessage());
        }
        Tensor attention = r.outputs().get(Heatmaps.ATTENTION);
        if (heatmap && attention == null) {
            throw ApiException.badRequest(
                    "no-heatmap", "model " + md.name() + " has no " + Heatmaps.ATTENTION + " output");
        }
        List<DetectResult.ScoredFace> scored = new ArrayList<>(n);
        double max = 0;
        for (int i = 0; i < n; i++) {
            String map = heatmap ? Heatmaps.png(attention, i, pre.inputSize()) : null;
            scored.add(new DetectResult.ScoredFace(faces.get(i).box(), scores[i], map));
            max = Math.max(max, scores[i]);
        }
        return new Scored(scored, max, r, preprocess);
    }
}
