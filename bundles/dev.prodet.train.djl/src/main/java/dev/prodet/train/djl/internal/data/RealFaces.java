package dev.prodet.train.djl.internal.data;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.data.SampleInfo;
import dev.prodet.api.data.Split;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.forgery.blend.LandmarkDonorIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The faces a training tuple may start from: only the frames labelled real of the training split (method.md §3:
 * ProDet's real list keeps label 0 only). They are the REAL anchors, the targets of SBI and CBI and CBI's donors; a
 * manipulated frame of FaceForensics++ (about 80 % of its frames) is never any of these.
 *
 * <p>The split is read once, as an index of ids, labels and landmarks ({@link Dataset#index}); crops are loaded when
 * a tuple or a donor needs them, through one bounded {@link FaceCache} shared by targets and donors. Thread-safe.
 */
public final class RealFaces {
    /**
     * How a tuple's real frame is drawn. FaceForensics++ gives every video the same number of frames (32 in
     * DeepfakeBench), so drawing a frame uniformly is drawing a video uniformly, as the official code does. A dataset
     * that mixes long videos with photographs (the sample data: two videos of 96 frames, photographs of one frame per
     * face) is dominated by the videos' few people unless the video (or photograph) is drawn first.
     */
    public enum Sampling {
        /** Every real frame equally likely (the official code). */
        FRAME,
        /** A video or photograph first, uniformly, then one of its real frames. */
        VIDEO;

        /** {@code frame} or {@code video}; {@code null} means {@link #FRAME}. */
        public static Sampling parse(String name) {
            if (name == null || name.equals("frame")) {
                return FRAME;
            }
            if (name.equals("video")) {
                return VIDEO;
            }
            throw new IllegalArgumentException("data.sampling must be 'frame' or 'video', got '" + name + "'");
        }
    }

    /** Crop memory of the cache unless told otherwise: about 2,700 crops of 256×256, 10,900 of 128×128. */
    public static final long DEFAULT_CACHE_BYTES = 512L << 20;

    private final String description;
    private final int[] positions;
    private final String[] videos;
    private final int skippedFakes;
    private final FaceCache cache;
    private final ForgeryContext donors;
    private final int[][] framesByVideo; // VIDEO sampling: per video, the indices k of its faces; null for FRAME

    private RealFaces(
            String description,
            int[] positions,
            String[] videos,
            int skippedFakes,
            FaceCache cache,
            ForgeryContext donors,
            Sampling sampling) {
        this.description = description;
        this.positions = positions;
        this.videos = videos;
        this.skippedFakes = skippedFakes;
        this.cache = cache;
        this.donors = donors;
        this.framesByVideo = sampling == Sampling.VIDEO ? groupByVideo(videos) : null;
    }

    private static int[][] groupByVideo(String[] videos) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int k = 0; k < videos.length; k++) {
            groups.computeIfAbsent(videos[k], v -> new ArrayList<>()).add(k);
        }
        return groups.values().stream()
                .map(g -> g.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /**
     * Indexes the real faces of one split.
     *
     * @param cacheBytes crop bytes held in memory at most
     * @throws IllegalArgumentException when the split holds no real face
     */
    public static RealFaces of(Dataset dataset, Split split, long cacheBytes) {
        return of(dataset, split, cacheBytes, Sampling.FRAME);
    }

    /**
     * Indexes the real faces of one split, to be drawn as {@code sampling} says.
     *
     * @param cacheBytes crop bytes held in memory at most
     * @throws IllegalArgumentException when the split holds no real face
     */
    public static RealFaces of(Dataset dataset, Split split, long cacheBytes, Sampling sampling) {
        List<SampleInfo> index = dataset.index(split);
        List<FaceSample> samples = dataset.samples(split); // a lazy view for large datasets: get(i) reads one crop
        FaceCache cache = new FaceCache(samples::get, cacheBytes);
        List<Integer> real = new ArrayList<>();
        LandmarkDonorIndex.Builder donors = LandmarkDonorIndex.builder();
        for (int i = 0; i < index.size(); i++) {
            SampleInfo s = index.get(i);
            if (s.label() != Label.REAL) {
                continue;
            }
            int position = i;
            donors.add(s.videoId(), s.landmarks(), () -> cache.get(position));
            real.add(i);
        }
        if (real.isEmpty()) {
            throw new IllegalArgumentException("no real face in split " + split.id() + " of dataset " + dataset.name()
                    + " (" + index.size() + " faces, all labelled fake); ProDet's anchors and donors are real frames");
        }
        int[] positions = real.stream().mapToInt(Integer::intValue).toArray();
        String[] videos = new String[positions.length];
        for (int k = 0; k < positions.length; k++) {
            videos[k] = index.get(positions[k]).videoId().intern();
        }
        return new RealFaces(
                dataset.name() + ":" + split.id(),
                positions,
                videos,
                index.size() - positions.length,
                cache,
                // the paired deepfake anchor's manipulated frames come from the dataset itself, not the pool
                ForgeryContext.withPairs(donors.build(), dataset.manipulationPairs()),
                sampling);
    }

    /** {@code <dataset name>:<split>}. */
    public String description() {
        return description;
    }

    /** Number of real faces. */
    public int size() {
        return positions.length;
    }

    /** Draws the index {@code k} of a real face with {@code picks}, as this pool's {@link Sampling} says. */
    public int draw(RandomGenerator picks) {
        if (framesByVideo == null) {
            return picks.nextInt(positions.length);
        }
        int[] frames = framesByVideo[picks.nextInt(framesByVideo.length)];
        return frames[picks.nextInt(frames.length)];
    }

    /** The {@code k}-th real face, loaded through the cache. */
    public FaceSample face(int k) {
        FaceSample s = cache.get(positions[k]);
        if (s.label() != Label.REAL || !s.videoId().equals(videos[k])) {
            throw new IllegalStateException("dataset " + description + " changed while training: face " + positions[k]
                    + " is now " + s.relativePath() + " (" + s.label() + ")");
        }
        return s;
    }

    /**
     * CBI and face-swap donors (the nearest real faces of other videos, loaded through the same cache) and the
     * dataset's manipulated frames paired with real ones (the paired deepfake anchor).
     */
    public ForgeryContext donors() {
        return donors;
    }

    /** The most real faces one video has in the pool (a photograph is a video of one frame), for provenance. */
    public int framesPerVideo() {
        Map<String, Integer> counts = new HashMap<>();
        int most = 0;
        for (String v : videos) {
            most = Math.max(most, counts.merge(v, 1, Integer::sum));
        }
        return most;
    }

    /** Frames of the split left out because they are labelled fake. */
    public int skippedFakes() {
        return skippedFakes;
    }

    /** Faces loaded from the dataset so far. */
    public long loads() {
        return cache.loads();
    }

    /** Crop bytes in memory now. */
    public long cachedBytes() {
        return cache.bytes();
    }

    @Override
    public String toString() {
        return description + ": " + size() + " real faces (" + skippedFakes + " fake frames left out)"
                + (framesByVideo == null ? "" : ", drawn by video from " + framesByVideo.length + " videos");
    }
}
