package dev.prodet.train.djl.internal.data;

import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.ImageOps;
import dev.prodet.forgery.blend.JointAugmentation;
import java.util.random.RandomGenerator;

/**
 * The augmentation of one training tuple, drawn once and applied alike to each of its images, so that the anchors
 * still differ only by their forgeries: ProDet's joint colour and JPEG augmentation (method.md §3) and, not in the
 * official recipe, options that widen the image quality real faces are seen at: a horizontal flip, a resolution
 * change (down-scale by a factor, then back up, as a low-resolution video frame is), sharpening and sensor noise
 * (one noise field for the whole tuple).
 *
 * @param joint the joint colour and JPEG draw ({@link JointAugmentation#identity()} when off)
 * @param flip whether to mirror left and right
 * @param scale the resolution factor in (0, 1], 1 for none
 * @param sharpen the sharpening strength (alpha) in [0, 1], 0 for none
 * @param noise the noise standard deviation in grey levels, 0 for none
 * @param noiseSeed the seed of the noise field
 */
public record TupleAugmentation(
        JointAugmentation joint, boolean flip, double scale, double sharpen, double noise, long noiseSeed) {

    /**
     * The settings: whether to draw the joint augmentation; the probability of a flip; the probability of a
     * resolution change and the smallest factor (drawn uniformly up to 1); the probability of sharpening (alpha in
     * [0.2, 0.5], as SBI's); the probability of noise and its largest standard deviation (drawn uniformly).
     */
    public record Settings(
            boolean joint,
            double flip,
            double rescale,
            double minScale,
            double sharpen,
            double noise,
            double maxNoise) {
        /** ProDet as released: the joint augmentation only. */
        public static final Settings OFFICIAL = new Settings(true, 0, 0, 1, 0, 0, 0);

        /** Validates the probabilities and the bounds. */
        public Settings {
            for (double p : new double[] {flip, rescale, sharpen, noise}) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("flip, rescale, sharpen and noise are probabilities in [0, 1],"
                            + " got " + flip + ", " + rescale + ", " + sharpen + ", " + noise);
                }
            }
            if (!(minScale > 0 && minScale <= 1)) {
                throw new IllegalArgumentException("minScale must be in (0, 1], got " + minScale);
            }
            if (!(maxNoise >= 0 && maxNoise <= 64)) {
                throw new IllegalArgumentException("maxNoise must be in [0, 64] grey levels, got " + maxNoise);
            }
        }
    }

    /** Draws one augmentation; the joint part first, so that it is the same draw with the options on or off. */
    public static TupleAugmentation draw(Settings s, RandomGenerator rng) {
        JointAugmentation joint = s.joint() ? JointAugmentation.draw(rng) : JointAugmentation.identity();
        boolean flip = rng.nextDouble() < s.flip();
        double scale = rng.nextDouble() < s.rescale() ? s.minScale() + (1 - s.minScale()) * rng.nextDouble() : 1;
        double sharpen = rng.nextDouble() < s.sharpen() ? 0.2 + 0.3 * rng.nextDouble() : 0;
        double noise = rng.nextDouble() < s.noise() ? s.maxNoise() * rng.nextDouble() : 0;
        return new TupleAugmentation(joint, flip, scale, sharpen, noise, rng.nextLong());
    }

    /** Applies this augmentation to one image of the tuple. */
    public RgbImage apply(RgbImage image) {
        RgbImage out = image;
        if (scale < 1) {
            int w = image.width();
            int h = image.height();
            out = ImageOps.resize(
                    ImageOps.resize(
                            out, Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale))),
                    w,
                    h);
        }
        if (sharpen > 0) {
            out = ImageOps.sharpen(out, sharpen, 0.75);
        }
        if (noise > 0) {
            out = ImageOps.gaussianNoise(out, noise, noiseSeed);
        }
        out = joint.apply(out); // JPEG last, as a frame is encoded after it is captured
        return flip ? mirrored(out) : out;
    }

    private static RgbImage mirrored(RgbImage image) {
        int w = image.width();
        int h = image.height();
        byte[] in = image.rgb();
        byte[] px = new byte[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(in, 3 * (y * w + x), px, 3 * (y * w + (w - 1 - x)), 3);
            }
        }
        return new RgbImage(w, h, px);
    }
}
