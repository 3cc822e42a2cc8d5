package dev.prodet.serve.internal.detect;

/**
 * Options of one detect request.
 *
 * @param model model name, or {@code null} for the default (the only model, or the configured default)
 * @param version version, or {@code null} for the latest serving one
 * @param aligned the image is already an aligned face crop: skip face detection, resize it to the model input
 * @param heatmap add each face's attention heatmap as a PNG data URL
 * @param frames frames to score of a video; 0 for the configured number
 */
public record DetectOptions(String model, String version, boolean aligned, boolean heatmap, int frames) {

    /** Options without heatmaps. */
    public DetectOptions(String model, String version, boolean aligned) {
        this(model, version, aligned, false, 0);
    }

    /** Options for an image. */
    public DetectOptions(String model, String version, boolean aligned, boolean heatmap) {
        this(model, version, aligned, heatmap, 0);
    }
}
