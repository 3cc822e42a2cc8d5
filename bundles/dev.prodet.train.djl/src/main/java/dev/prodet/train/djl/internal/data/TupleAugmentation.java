package dev.prodet.train.djl.internal.data;

import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.ImageOps;
import dev.prodet.forgery.blend.JointAugmentation;
import java.util.random.RandomGenerator;

/**
 * The augmentation of one training tuple, drawn once and applied alike to each of its images, so that the anchors
 * still differ only by their forgeries: ProDet's joint colour and JPEG augmentation (method.md §3), then two
 * options that are not in the official recipe, a horizontal flip and a resolution change (down-scale by a factor,
 * then back up, as a low-resolution video frame is).
 *
 * @param joint the joint colour and JPEG draw ({@link JointAugmentation#identity()} when off)
 * @param flip whether to mirror left and right
 * @param scale the resolution factor in (0, 1], 1 for none
 */
public record TupleAugmentation(JointAugmentation joint, boolean flip, double scale) {

    /**
     * The settings: whether to draw the joint augmentation, the probability of a flip, the probability of a
     * resolution change and the smallest factor (drawn uniformly up to 1).
     */
    public record Settings(boolean joint, double flip, double rescale, double minScale) {
        /** ProDet as released: the joint augmentation only. */
        public static final Settings OFFICIAL = new Settings(true, 0, 0, 1);

        /** Validates the probabilities and the factor. */
        public Settings {
            if (!(flip >= 0 && flip <= 1) || !(rescale >= 0 && rescale <= 1)) {
                throw new IllegalArgumentException(
                        "flip and rescale are probabilities in [0, 1], got " + flip + " and " + rescale);
            }
            if (!(minScale > 0 && minScale <= 1)) {
                throw new IllegalArgumentException("minScale must be in (0, 1], got " + minScale);
            }
        }
    }

    /** Draws one augmentation; the joint part first, so that it is the same draw with the options on or off. */
    public static TupleAugmentation draw(Settings s, RandomGenerator rng) {
        JointAugmentation joint = s.joint() ? JointAugmentation.draw(rng) : JointAugmentation.identity();
        boolean flip = rng.nextDouble() < s.flip();
        double scale = rng.nextDouble() < s.rescale() ? s.minScale() + (1 - s.minScale()) * rng.nextDouble() : 1;
        return new TupleAugmentation(joint, flip, scale);
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
