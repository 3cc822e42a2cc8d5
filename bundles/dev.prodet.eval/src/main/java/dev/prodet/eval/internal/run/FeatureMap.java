package dev.prodet.eval.internal.run;

import java.util.List;

/**
 * Features projected to 2-D (the picture of the paper's Figure 1b).
 *
 * @param classes class names, e.g. {@code real}, {@code sbi (sbi)}, {@code cbi (cbi)}, {@code deepfake (swap)}
 * @param x first coordinate per point
 * @param y second coordinate per point
 * @param classOf class index per point
 * @param explained fraction of the feature variance each of the two axes explains
 * @param source where the faces came from, for the caption
 */
public record FeatureMap(
        List<String> classes, double[] x, double[] y, int[] classOf, double[] explained, String source) {}
