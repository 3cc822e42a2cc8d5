package dev.prodet.eval.internal.run;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.forgery.ForgeryContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Donor faces for the generators that need one (CBI, face swap) when the feature map forges real faces: the faces
 * of other videos with the nearest landmarks (Euclidean over all points), as ProDet's nearest-face table (docs/method.md
 * §4.2). Faces of the target's own video are never donors.
 */
final class NearestDonors implements ForgeryContext {
    private final List<FaceSample> faces;
    private final float[][] points;

    NearestDonors(List<FaceSample> faces) {
        this.faces = List.copyOf(faces);
        this.points = new float[faces.size()][];
        for (int i = 0; i < faces.size(); i++) {
            points[i] = faces.get(i).face().landmarks().toArray();
        }
    }

    @Override
    public List<FaceSample> donors(FaceSample target, int k) {
        float[] t = target.face().landmarks().toArray();
        List<double[]> candidates = new ArrayList<>(); // {distance, index}
        for (int i = 0; i < faces.size(); i++) {
            if (faces.get(i).videoId().equals(target.videoId()) || points[i].length != t.length) {
                continue;
            }
            double d = 0;
            for (int j = 0; j < t.length; j++) {
                double diff = points[i][j] - t[j];
                d += diff * diff;
            }
            candidates.add(new double[] {d, i});
        }
        candidates.sort(Comparator.comparingDouble(c -> c[0]));
        List<FaceSample> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, candidates.size()); i++) {
            out.add(faces.get((int) candidates.get(i)[1]));
        }
        return out;
    }
}
