package dev.prodet.forgery.blend;

import dev.prodet.api.face.RgbImage;

/**
 * ProDet's {@code colorTransfer} (docs/method.md §4.2 step 4): inside the mask ({@code mask != 0}), each RGB channel of the
 * donor is shifted and scaled to the background's mean and population standard deviation there,
 * {@code d -> (d - mean_d) * std_bg / std_d + mean_bg}, clipped to [0, 255] and truncated to uint8. Pixels outside
 * the mask keep the donor's values.
 *
 * <p>Because every donor value maps through the same affine function per channel, the work is one pass for the
 * statistics and a 256-entry table per channel. A donor channel that is flat inside the mask (std 0, where the
 * original divides by zero) becomes the background's mean.
 */
public final class ColorTransfer {

    private ColorTransfer() {}

    /** Colour-corrects {@code donor} towards {@code background} inside {@code mask}. */
    public static RgbImage meanStd(RgbImage background, RgbImage donor, float[] mask) {
        if (background.width() != donor.width() || background.height() != donor.height()) {
            throw new IllegalArgumentException(
                    "colour transfer needs equal sizes, got background " + background + " and donor " + donor);
        }
        return new RgbImage(donor.width(), donor.height(), meanStdRgb(background.rgb(), donor.rgb(), mask));
    }

    /** {@link #meanStd(RgbImage, RgbImage, float[])} on RGB (HWC) arrays; returns a new array. */
    public static byte[] meanStdRgb(byte[] background, byte[] donor, float[] mask) {
        if (background.length != donor.length || mask.length * 3 != donor.length) {
            throw new IllegalArgumentException("colour transfer needs background, donor (" + background.length + ", "
                    + donor.length + " bytes) and one mask value per pixel (" + mask.length + ")");
        }
        double[] sumB = new double[3];
        double[] sqB = new double[3];
        double[] sumD = new double[3];
        double[] sqD = new double[3];
        long n = 0;
        for (int p = 0, i = 0; p < mask.length; p++, i += 3) {
            if (mask[p] != 0f) {
                n++;
                for (int c = 0; c < 3; c++) {
                    int b = background[i + c] & 0xff;
                    int d = donor[i + c] & 0xff;
                    sumB[c] += b;
                    sqB[c] += b * b;
                    sumD[c] += d;
                    sqD[c] += d * d;
                }
            }
        }
        byte[] out = donor.clone();
        if (n == 0) {
            return out;
        }
        byte[][] lut = new byte[3][256];
        for (int c = 0; c < 3; c++) {
            float meanB = (float) (sumB[c] / n);
            float meanD = (float) (sumD[c] / n);
            float stdB = (float) Math.sqrt(Math.max(0, sqB[c] / n - (sumB[c] / n) * (sumB[c] / n)));
            float stdD = (float) Math.sqrt(Math.max(0, sqD[c] / n - (sumD[c] / n) * (sumD[c] / n)));
            float scale = stdD > 0 ? stdB / stdD : 0f;
            for (int v = 0; v < 256; v++) {
                float t = (v - meanD) * scale + meanB;
                lut[c][v] = (byte) (int) (t < 0 ? 0 : Math.min(t, 255f));
            }
        }
        for (int p = 0, i = 0; p < mask.length; p++, i += 3) {
            if (mask[p] != 0f) {
                out[i] = lut[0][donor[i] & 0xff];
                out[i + 1] = lut[1][donor[i + 1] & 0xff];
                out[i + 2] = lut[2][donor[i + 2] & 0xff];
            }
        }
        return out;
    }
}
