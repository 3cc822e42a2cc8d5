package dev.prodet.forgery.blend;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.forgery.ForgeryContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A {@link ForgeryContext} that finds CBI donors as ProDet does (docs/method.md §4.2 step 1): the faces nearest to the
 * target by Euclidean distance over the flattened landmark vectors, taken only from <em>other</em> videos.
 *
 * <p>The original precomputes 100 neighbours per frame with a KD-tree and removes same-video entries afterwards
 * (buggily, while iterating); here the search skips the target's video up front, so the top k are always from other
 * videos. The search is exact and brute force over a packed float array (about 1 ms per query for 23,000
 * 68-point faces); results are cached per target. Faces are loaded lazily through the suppliers given to the
 * {@link Builder}, so the index itself holds only landmarks. Thread-safe.
 */
public final class LandmarkDonorIndex implements ForgeryContext {

    private final int dims;
    private final float[] vectors;
    private final String[] videos;
    private final List<Supplier<FaceSample>> loaders;
    private final Map<Key, int[]> cache = new ConcurrentHashMap<>();

    private LandmarkDonorIndex(int dims, float[] vectors, String[] videos, List<Supplier<FaceSample>> loaders) {
        this.dims = dims;
        this.vectors = vectors;
        this.videos = videos;
        this.loaders = loaders;
    }

    /** An index over faces already in memory. */
    public static LandmarkDonorIndex of(Collection<FaceSample> pool) {
        Builder b = builder();
        for (FaceSample s : pool) {
            b.add(s);
        }
        return b.build();
    }

    /** A builder for an index whose faces may be loaded on demand. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of faces in the index. */
    public int size() {
        return videos.length;
    }

    @Override
    public List<FaceSample> donors(FaceSample target, int k) {
        int[] idx = nearest(target.face().landmarks(), target.videoId(), k, target.relativePath());
        List<FaceSample> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            FaceSample s = loaders.get(i).get();
            if (s.videoId().equals(target.videoId())) {
                throw new IllegalStateException("donor loader " + i + " returned a face of video " + s.videoId()
                        + " but was indexed under video " + videos[i]);
            }
            out.add(s);
        }
        return out;
    }

    /**
     * Indices of the up to {@code k} faces nearest to {@code landmarks} whose video is not {@code excludeVideo},
     * nearest first; equal distances keep insertion order.
     */
    public int[] nearest(Landmarks landmarks, String excludeVideo, int k) {
        return nearest(landmarks, excludeVideo, k, null).clone();
    }

    /** The video id of the face at {@code index}. */
    public String videoId(int index) {
        return videos[index];
    }

    private int[] nearest(Landmarks landmarks, String excludeVideo, int k, String path) {
        if (k <= 0) {
            throw new IllegalArgumentException("number of donors k must be > 0, got: " + k);
        }
        if (videos.length == 0) {
            return new int[0];
        }
        if (landmarks.count() * 2 != dims) {
            throw new IllegalArgumentException(
                    "target has " + landmarks.count() + " landmarks, the index holds " + dims / 2 + "-point faces");
        }
        Key key = path == null ? null : new Key(excludeVideo, path, landmarks, k);
        if (key != null) {
            int[] hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        int[] result = search(landmarks.toArray(), excludeVideo, k);
        if (key != null) {
            cache.put(key, result);
        }
        return result;
    }

    private int[] search(float[] q, String excludeVideo, int k) {
        int[] best = new int[k];
        double[] bestD = new double[k];
        int found = 0;
        for (int i = 0, off = 0; i < videos.length; i++, off += dims) {
            if (videos[i].equals(excludeVideo)) {
                continue;
            }
            double d = 0;
            for (int j = 0; j < dims; j++) {
                double t = vectors[off + j] - q[j];
                d += t * t;
            }
            if (found == k && d >= bestD[k - 1]) {
                continue;
            }
            // insertion into the sorted top-k; strict '<' keeps earlier entries first on ties
            int pos = found == k ? k - 1 : found++;
            while (pos > 0 && d < bestD[pos - 1]) {
                bestD[pos] = bestD[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
            }
            bestD[pos] = d;
            best[pos] = i;
        }
        return Arrays.copyOf(best, found);
    }

    private record Key(String video, String path, Landmarks landmarks, int k) {}

    /** Collects faces for a {@link LandmarkDonorIndex}; all must have the same number of landmarks. */
    public static final class Builder {
        private final List<float[]> vectors = new ArrayList<>();
        private final List<String> videos = new ArrayList<>();
        private final List<Supplier<FaceSample>> loaders = new ArrayList<>();
        private int dims = -1;

        private Builder() {}

        /** Adds a face held in memory. */
        public Builder add(FaceSample sample) {
            return add(sample.videoId(), sample.face().landmarks(), () -> sample);
        }

        /**
         * Adds a face that is loaded only when chosen as a donor.
         *
         * @param videoId the face's video
         * @param landmarks its landmarks (the search key)
         * @param loader returns the face; called once per time it is returned as a donor
         */
        public Builder add(String videoId, Landmarks landmarks, Supplier<FaceSample> loader) {
            if (videoId == null || videoId.isBlank()) {
                throw new IllegalArgumentException("donor videoId must not be empty, got: " + videoId);
            }
            if (landmarks == null || loader == null) {
                throw new IllegalArgumentException(
                        "donor landmarks and loader must not be null (video " + videoId + ")");
            }
            float[] v = landmarks.toArray();
            if (dims >= 0 && v.length != dims) {
                throw new IllegalArgumentException("donor of video " + videoId + " has " + v.length / 2
                        + " landmarks, earlier donors have " + dims / 2);
            }
            dims = v.length;
            vectors.add(v);
            videos.add(videoId);
            loaders.add(loader);
            return this;
        }

        /** Builds the index; an empty builder gives an index that never finds a donor. */
        public LandmarkDonorIndex build() {
            int d = Math.max(dims, 0);
            float[] packed = new float[vectors.size() * d];
            for (int i = 0; i < vectors.size(); i++) {
                System.arraycopy(vectors.get(i), 0, packed, i * d, d);
            }
            return new LandmarkDonorIndex(d, packed, videos.toArray(String[]::new), List.copyOf(loaders));
        }
    }
}
