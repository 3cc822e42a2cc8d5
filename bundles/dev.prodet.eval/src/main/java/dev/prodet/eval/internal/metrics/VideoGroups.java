package dev.prodet.eval.internal.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames grouped into videos for video-level metrics: a video is identified by its dataset video id <em>and</em>
 * its label, so a real and a fake video that share a name (FF++ {@code 000} in original/ and in Deepfakes/) stay
 * two videos, unlike DeepfakeBench's grouping by folder name (docs/method.md §5.2). A video's score is the mean of its
 * frame scores.
 */
public final class VideoGroups {
    private final List<String> ids = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();
    private final int[] frameVideo;
    private final BinaryScores videos;

    /**
     * @param videoIds video id per frame
     * @param frames frame scores and labels, same order as {@code videoIds}
     */
    public VideoGroups(List<String> videoIds, BinaryScores frames) {
        if (videoIds.size() != frames.size()) {
            throw new IllegalArgumentException(
                    "one video id per frame needed: " + videoIds.size() + " ids for " + frames.size() + " frames");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        frameVideo = new int[frames.size()];
        List<double[]> sums = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            int label = frames.label(i);
            String key = label + "\u0000" + videoIds.get(i);
            Integer v = index.get(key);
            if (v == null) {
                v = ids.size();
                index.put(key, v);
                ids.add(videoIds.get(i));
                labels.add(label);
                sums.add(new double[2]);
            }
            frameVideo[i] = v;
            sums.get(v)[0] += frames.score(i);
            sums.get(v)[1]++;
        }
        double[] scores = new double[ids.size()];
        int[] lab = new int[ids.size()];
        for (int v = 0; v < scores.length; v++) {
            scores[v] = sums.get(v)[0] / sums.get(v)[1];
            lab[v] = labels.get(v);
        }
        videos = new BinaryScores(scores, lab);
    }

    /** Number of videos. */
    public int size() {
        return ids.size();
    }

    /** Video-level scores (mean frame score) and labels, in order of first appearance. */
    public BinaryScores videos() {
        return videos;
    }

    /** Id of video {@code v}. */
    public String id(int v) {
        return ids.get(v);
    }

    /** Video index of each frame. */
    public int[] frameVideo() {
        return frameVideo.clone();
    }
}
