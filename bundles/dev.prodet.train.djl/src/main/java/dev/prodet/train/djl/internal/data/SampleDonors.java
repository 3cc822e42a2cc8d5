package dev.prodet.train.djl.internal.data;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.forgery.ForgeryContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Donor candidates for cross blending: the faces of other videos whose landmark vectors are nearest (Euclidean over
 * the flattened points), as ProDet's nearest-face table (method.md §4.2) — computed here from the training faces, so
 * no side file is needed. Faces of the same video are never candidates.
 */
public final class SampleDonors implements ForgeryContext {
    private final List<FaceSample> samples;
    private final float[][] vectors;

    public SampleDonors(List<FaceSample> samples) {
        this.samples = List.copyOf(samples);
        this.vectors = new float[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            vectors[i] = samples.get(i).face().landmarks().toArray();
        }
    }

    @Override
    public List<FaceSample> donors(FaceSample target, int k) {
        float[] t = target.face().landmarks().toArray();
        List<int[]> order = new ArrayList<>();
        List<Double> dist = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            FaceSample s = samples.get(i);
            if (s.videoId().equals(target.videoId()) || vectors[i].length != t.length) {
                continue;
            }
            double d = 0;
            for (int j = 0; j < t.length; j++) {
                double diff = vectors[i][j] - t[j];
                d += diff * diff;
            }
            order.add(new int[] {i, dist.size()});
            dist.add(d);
        }
        order.sort(Comparator.comparingDouble(o -> dist.get(o[1])));
        List<FaceSample> out = new ArrayList<>(Math.min(k, order.size()));
        for (int i = 0; i < Math.min(k, order.size()); i++) {
            out.add(samples.get(order.get(i)[0]));
        }
        return out;
    }
}
