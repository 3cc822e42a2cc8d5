package dev.prodet.eval.internal.perturb;

import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.ImageOps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The perturbations and their levels. Level 0 is the clean image; levels 1–4 get stronger. Spatial parameters are
 * given for a 256-pixel crop (the ProDet crop) and scale with the crop's width, so a level means the same thing at
 * every crop size. {@link #parameters(int)} is what the report writes for each level.
 */
public enum Perturbation {
    /** Black square blocks of side crop/8 (32 px at 256) at random cells of the 8×8 grid. */
    BLOCK_MASK("block-mask", "Block-wise masking", "blocks", List.of(0, 4, 8, 16, 24)),
    /** Additive Gaussian noise, σ on the 0–255 scale, per pixel and channel, clipped. */
    GAUSSIAN_NOISE("gaussian-noise", "Gaussian noise", "sigma", List.of(0, 5, 10, 20, 30)),
    /** Translation right and down by this many pixels at 256; the uncovered border is black. */
    SHIFT("shift", "Shifting", "pixels", List.of(0, 8, 16, 24, 32)),
    /** JPEG compression at this quality (ImageIO, 4:2:0); level 0 is not compressed. */
    JPEG("jpeg", "JPEG compression", "quality", List.of(100, 80, 60, 40, 20)),
    /** Gaussian blur, σ in pixels at 256, kernel radius ⌈3σ⌉, edges replicated. */
    BLUR("blur", "Gaussian blur", "sigma", List.of(0, 1, 2, 3, 4)),
    /** Down-scaling by this factor (area average) and back to the crop size (bilinear). */
    DOWNSCALE("downscale", "Down-scaling", "scale", List.of(1.0, 0.75, 0.5, 0.375, 0.25));

    /** Number of levels, 0 to 4. */
    public static final int LEVELS = 5;
    /** Crop width the spatial parameters are given for. */
    static final int REFERENCE_SIZE = 256;
    /** Cells per side of the masking grid. */
    static final int GRID = 8;

    private final String id;
    private final String title;
    private final String parameter;
    private final List<? extends Number> values;

    Perturbation(String id, String title, String parameter, List<? extends Number> values) {
        this.id = id;
        this.title = title;
        this.parameter = parameter;
        this.values = values;
    }

    /** Stable id used in file names and report.json, e.g. {@code gaussian-noise}. */
    public String id() {
        return id;
    }

    /** Human-readable name for plots. */
    public String title() {
        return title;
    }

    /** The parameter value of a level, as written in the report. */
    public Number value(int level) {
        return values.get(checkLevel(level));
    }

    /** The parameters of a level for the report, e.g. {@code {sigma: 10, unit: "0-255"}}. */
    public Map<String, Object> parameters(int level) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(parameter, value(level));
        switch (this) {
            case BLOCK_MASK -> {
                p.put("of", GRID * GRID);
                p.put("blockSizeAt256", REFERENCE_SIZE / GRID);
                p.put("fill", "black");
            }
            case GAUSSIAN_NOISE -> p.put("unit", "0-255");
            case SHIFT -> p.put("direction", "right and down; at 256 px, scaled with the crop");
            case JPEG -> p.put("note", level == 0 ? "not compressed" : "ImageIO JPEG, 4:2:0");
            case BLUR -> p.put("unit", "pixels at 256, scaled with the crop");
            case DOWNSCALE -> p.put("method", "area down, bilinear up");
            default -> throw new AssertionError(this);
        }
        return p;
    }

    /** Looks a perturbation up by {@link #id()}. */
    public static Perturbation byId(String id) {
        for (Perturbation p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown perturbation '" + id + "'; known: "
                + java.util.Arrays.stream(values()).map(Perturbation::id).toList());
    }

    /**
     * The perturbed crop, same size as {@code image}; level 0 returns {@code image} itself.
     *
     * @param seed drives the random parts (noise, block positions); same seed, same output
     */
    public RgbImage apply(RgbImage image, int level, long seed) {
        if (checkLevel(level) == 0) {
            return image;
        }
        double scale = image.width() / (double) REFERENCE_SIZE;
        double v = value(level).doubleValue();
        return switch (this) {
            case BLOCK_MASK -> Pixels.maskBlocks(image, GRID, (int) v, new SplittableRandom(seed));
            case GAUSSIAN_NOISE -> Pixels.addNoise(image, v, new SplittableRandom(seed));
            case SHIFT -> Pixels.shift(image, (int) Math.round(v * scale), (int) Math.round(v * scale));
            case JPEG -> ImageOps.jpegTrueColour(image, (int) v);
            case BLUR -> Resample.gaussianBlur(image, v * scale);
            case DOWNSCALE ->
                Resample.bilinear(
                        Resample.area(image, Math.max(1, (int) Math.round(image.width() * v)), Math.max(1, (int)
                                Math.round(image.height() * v))),
                        image.width(),
                        image.height());
        };
    }

    private static int checkLevel(int level) {
        if (level < 0 || level >= LEVELS) {
            throw new IllegalArgumentException("perturbation level must be 0 to " + (LEVELS - 1) + ", got " + level);
        }
        return level;
    }
}
