package dev.prodet.eval.internal.run;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.Scorer;
import dev.prodet.eval.internal.perturb.Perturbation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores a list of faces in batches with one scorer. A loader thread reads, perturbs and preprocesses the next
 * batch ({@link InputTensors#fill}, the training preprocessing) while the scorer runs the current one; two input
 * buffers are reused alternately. Faces must come from the face preprocessing the model was trained on.
 */
public final class Evaluator {
    private final Scorer scorer;
    private final int batch;
    private final Preprocessing prep;
    private final int per;

    /** @param batch images per scorer call, at least 1 */
    public Evaluator(Scorer scorer, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        this.scorer = scorer;
        this.batch = batch;
        this.prep = scorer.preprocessing();
        this.per = InputTensors.size(prep);
    }

    /** One prepared batch: the input floats and what the predictions need to know about each face. */
    private record Batch(float[] input, int count, List<Prediction> meta) {}

    /**
     * Scores every face, each first perturbed when {@code perturbation} is not null.
     *
     * @param seed base seed of the perturbation; face {@code i} gets a seed derived from it, the perturbation, the
     *     level and {@code i}
     * @return one prediction per face, in order
     */
    public List<Prediction> score(List<FaceSample> faces, Perturbation perturbation, int level, long seed) {
        int n = faces.size();
        List<Prediction> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        float[][] buffers = {new float[Math.min(batch, n) * per], new float[Math.min(batch, n) * per]};
        ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "prodet-eval-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Batch> next = loader.submit(() -> prepare(faces, 0, buffers[0], perturbation, level, seed));
            for (int start = 0, k = 0; start < n; start += batch, k++) {
                Batch b = await(next);
                int following = start + batch;
                if (following < n) {
                    float[] buf = buffers[(k + 1) % 2]; // the buffer the scorer is not reading
                    next = loader.submit(() -> prepare(faces, following, buf, perturbation, level, seed));
                }
                float[] p = scorer.score(b.input(), b.count());
                if (p.length != b.count()) {
                    throw new IllegalStateException(
                            "the scorer returned " + p.length + " scores for " + b.count() + " images");
                }
                for (int i = 0; i < b.count(); i++) {
                    if (!Float.isFinite(p[i])) {
                        throw new IllegalStateException("the scorer returned " + p[i] + " for "
                                + b.meta().get(i).path());
                    }
                    Prediction m = b.meta().get(i);
                    out.add(new Prediction(m.videoId(), m.label(), m.frameIndex(), m.path(), p[i]));
                }
            }
        } finally {
            loader.shutdownNow();
        }
        return out;
    }

    private Batch prepare(List<FaceSample> faces, int start, float[] buf, Perturbation p, int level, long seed) {
        int count = Math.min(batch, faces.size() - start);
        List<Prediction> meta = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            FaceSample s = faces.get(start + i);
            checkPreprocessor(s);
            RgbImage img = s.face().image();
            if (p != null) {
                img = p.apply(img, level, faceSeed(seed, p, level, start + i));
            }
            InputTensors.fill(img, prep, buf, i * per);
            meta.add(new Prediction(s.videoId(), s.label().code(), s.frameIndex(), s.relativePath(), Double.NaN));
        }
        return new Batch(buf, count, meta);
    }

    // A model only works on crops made the way its training crops were made (docs/method.md §5.1): refuse, do not
    // guess.
    private void checkPreprocessor(FaceSample s) {
        FacePreprocessorInfo trained = prep.facePreprocessor();
        FacePreprocessorInfo given = s.face().preprocessor();
        if (!trained.equals(given)) {
            throw new IllegalArgumentException("face " + s.relativePath() + " was cropped by " + given
                    + " but the model was trained on crops from " + trained
                    + "; prepare the dataset with the model's face preprocessing");
        }
    }

    /** Seed of face {@code index} under a perturbation level: a SplitMix64 finaliser over the four inputs. */
    static long faceSeed(long seed, Perturbation p, int level, int index) {
        long h = seed;
        h = h * 31 + p.ordinal();
        h = h * 31 + level;
        h = h * 1_000_003L + index;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static Batch await(Future<Batch> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading faces", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot load faces: " + c, c);
        }
    }
}
