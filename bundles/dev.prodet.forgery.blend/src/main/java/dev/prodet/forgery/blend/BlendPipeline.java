package dev.prodet.forgery.blend;

import dev.prodet.api.face.RgbImage;
import java.util.random.RandomGenerator;

/**
 * The steps SBI and CBI share after the hull mask is built (docs/method.md §4.1 steps 4-6, §4.2 steps 3-5):
 * {@link RandomAffine} on the source and the mask, {@link ElasticDeformation} of the mask, optionally
 * {@link ColorTransfer} of the source towards the background inside the deformed mask, {@link BlendMask#soften},
 * a {@link DynamicBlend} ratio, and the blend.
 */
public final class BlendPipeline {

    private BlendPipeline() {}

    /**
     * What differs between SBI and CBI.
     *
     * @param colorTransfer match the source's masked mean and std to the background's (CBI)
     * @param ratios blend ratios to draw from, e.g. {@link DynamicBlend#softRatios()}
     */
    public record Options(boolean colorTransfer, float[] ratios) {
        /** Validates and copies the ratios. */
        public Options {
            if (ratios == null || ratios.length == 0) {
                throw new IllegalArgumentException("BlendPipeline.Options.ratios must not be empty");
            }
            for (float r : ratios) {
                if (!(r >= 0f && r <= 1f)) {
                    throw new IllegalArgumentException("blend ratios must be in [0, 1], got: " + r);
                }
            }
            ratios = ratios.clone();
        }

        /** SBI: no colour transfer, soft ratios. */
        public static Options sbi() {
            return new Options(false, DynamicBlend.softRatios());
        }

        /** CBI: colour transfer, soft ({@code soft_bi: true}) or hard ratios. */
        public static Options cbi(boolean soft) {
            return new Options(true, soft ? DynamicBlend.softRatios() : DynamicBlend.hardRatios());
        }

        @Override
        public float[] ratios() {
            return ratios.clone();
        }
    }

    /**
     * The outcome of one blend.
     *
     * @param image the blended image
     * @param mask the final weight of the source per pixel, {@code ratio * softened mask}, in [0, 1]
     * @param ratio the drawn blend ratio
     * @param affine the drawn affine transform
     */
    public record Result(RgbImage image, float[] mask, float ratio, RandomAffine affine) {}

    /**
     * Runs the shared steps.
     *
     * @param source the face pasted in: SBI's (possibly augmented) copy of the frame, CBI's donor
     * @param background the face it is pasted into
     * @param hull the hull mask in {@code background}'s coordinates ({@link HullMasks#build})
     * @param rng random source; draws: affine, elastic noise, softening, ratio
     */
    public static Result blend(
            RgbImage source, RgbImage background, float[] hull, RandomGenerator rng, Options options) {
        int w = background.width();
        int h = background.height();
        if (source.width() != w || source.height() != h) {
            throw new IllegalArgumentException("source " + source + " and background " + background
                    + " must have the same size (the donor is not warped, docs/method.md §4.2)");
        }
        if (hull.length != w * h) {
            throw new IllegalArgumentException("hull mask must hold w*h = " + w * h + " values, got: " + hull.length);
        }
        RandomAffine affine = RandomAffine.draw(w, h, rng);
        byte[] src = affine.warpRgb(source.rgb(), w, h);
        float[] mask = ElasticDeformation.deform(affine.warpMask(hull, w, h), w, h, rng);
        byte[] bg = background.rgb();
        if (options.colorTransfer()) {
            src = ColorTransfer.meanStdRgb(bg, src, mask);
        }
        float[] soft = BlendMask.soften(mask, w, h, rng);
        float ratio = DynamicBlend.drawRatio(options.ratios, rng);
        for (int i = 0; i < soft.length; i++) {
            soft[i] *= ratio;
        }
        return new Result(new RgbImage(w, h, DynamicBlend.blendRgb(src, bg, soft)), soft, ratio, affine);
    }
}
