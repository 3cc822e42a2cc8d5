package dev.prodet.eval.internal.run;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.Scorer;
import dev.prodet.forgery.blend.LandmarkDonorIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The 2-D map of the latent space: real faces of a dataset, the forgeries every registered generator makes of them
 * (SBI, CBI, deepfake anchors: the paper's Figure 1b), and the dataset's own fakes, all passed through
 * {@link Scorer#features} and projected by PCA. Without generators the map shows real against fake.
 */
final class FeatureMapBuilder {
    private static final int BATCH = 16;
    /** Real faces drawn as donor candidates for cross blends and swaps. */
    static final int DONOR_POOL = 200;

    private final Scorer scorer;
    private final Preprocessing prep;
    private final List<String> classes = new ArrayList<>();
    private final List<float[]> features = new ArrayList<>();
    private final List<Integer> classOf = new ArrayList<>();

    FeatureMapBuilder(Scorer scorer) {
        this.scorer = scorer;
        this.prep = scorer.preprocessing();
    }

    /**
     * Builds the map.
     *
     * @param faces the dataset split the faces are drawn from
     * @param labels the predictions of {@code faces}, same order: their labels choose the faces without loading
     *     every crop of a lazily loaded dataset
     * @param generators forgery generators by plugin name (may be empty)
     * @param count faces drawn per class, evenly spaced through the split
     * @param datasetFakes whether to add the dataset's own fakes (not for a {@link ForgedDataset}, whose fakes are
     *     the generators' forgeries again)
     * @throws UnsupportedOperationException when the scorer has no features
     */
    FeatureMap build(
            String dataset,
            List<FaceSample> faces,
            List<Prediction> labels,
            Map<String, ForgeryGenerator> generators,
            int count,
            boolean datasetFakes,
            long seed,
            Consumer<String> log) {
        List<FaceSample> real = pick(faces, labels, Label.REAL, count);
        List<FaceSample> fake = datasetFakes ? pick(faces, labels, Label.FAKE, count) : List.of();
        add("real", real.stream().map(s -> s.face().image()).toList());
        // donors from a wider draw: the faces drawn for the map may all come from one video
        LandmarkDonorIndex donors = LandmarkDonorIndex.of(
                generators.isEmpty() ? real : pick(faces, labels, Label.REAL, Math.max(count, DONOR_POOL)));
        List<String> used = new ArrayList<>();
        for (Map.Entry<String, ForgeryGenerator> g : new TreeMap<>(generators).entrySet()) {
            List<RgbImage> forged = new ArrayList<>();
            int noDonor = 0;
            for (int i = 0; i < real.size(); i++) {
                try {
                    Forgery f = g.getValue().generate(real.get(i), donors, new SplittableRandom(seed * 1_000_003L + i));
                    forged.add(f.image());
                } catch (NoDonorException e) {
                    noDonor++;
                } catch (IllegalStateException e) { // the generator refuses this dataset (e.g. no paired videos)
                    log.accept("feature map: leaving out generator " + g.getKey() + ": " + e.getMessage());
                    forged = null;
                    break;
                }
            }
            if (forged == null) {
                continue;
            }
            if (noDonor > 0) {
                log.accept("feature map: generator " + g.getKey() + " found no donor for " + noDonor + " of "
                        + real.size() + " faces");
            }
            add(g.getValue().anchorKind().name().toLowerCase(Locale.ROOT) + " (" + g.getKey() + ")", forged);
            used.add(g.getKey());
        }
        add(
                generators.isEmpty() ? "fake" : "fake (" + dataset + ")",
                fake.stream().map(s -> s.face().image()).toList());
        float[][] rows = features.toArray(new float[0][]);
        double[][] p = Pca.project(rows);
        int[] cls = classOf.stream().mapToInt(Integer::intValue).toArray();
        String source = real.size() + " real faces of " + dataset
                + (used.isEmpty() ? "" : ", their forgeries by " + String.join(", ", used))
                + (fake.isEmpty() ? "" : ", and " + fake.size() + " fake faces of " + dataset);
        return new FeatureMap(List.copyOf(classes), p[0], p[1], cls, p[2], source);
    }

    /** Up to {@code count} faces of one label, evenly spaced through the list (deterministic). */
    static List<FaceSample> pick(List<FaceSample> faces, List<Prediction> labels, Label label, int count) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).label() == label.code()) {
                idx.add(i);
            }
        }
        List<FaceSample> out = new ArrayList<>();
        int k = Math.min(count, idx.size());
        for (int j = 0; j < k; j++) {
            out.add(faces.get(idx.get((int) ((long) j * idx.size() / k))));
        }
        return out;
    }

    private void add(String name, List<RgbImage> images) {
        if (images.isEmpty()) {
            return;
        }
        int c = classes.size();
        classes.add(name);
        int per = InputTensors.size(prep);
        for (int start = 0; start < images.size(); start += BATCH) {
            int n = Math.min(BATCH, images.size() - start);
            float[] x = new float[n * per];
            for (int i = 0; i < n; i++) {
                InputTensors.fill(images.get(start + i), prep, x, i * per);
            }
            float[] f = scorer.features(x, n);
            int width = f.length / n;
            for (int i = 0; i < n; i++) {
                float[] row = new float[width];
                System.arraycopy(f, i * width, row, 0, width);
                features.add(row);
                classOf.add(c);
            }
        }
    }
}
