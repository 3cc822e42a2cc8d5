package dev.prodet.forgery.blend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.prodet.api.face.RgbImage;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two JPEG round trips differ only in which channel the codec takes for red. */
class JpegChannelOrderTest {

    @Test
    void trueColourIsTheOpenCvReadingOfTheSwappedImage() {
        RgbImage img = colourful(40, 32);
        for (int quality : new int[] {100, 60, 20}) {
            RgbImage viaOpenCvReading = swap(ImageOps.jpeg(swap(img), quality));
            assertArrayEquals(
                    viaOpenCvReading.rgb(),
                    ImageOps.jpegTrueColour(img, quality).rgb(),
                    "q" + quality);
        }
    }

    @Test
    void theReadingChangesTheResultOfAColourfulImage() {
        RgbImage img = colourful(40, 32);
        assertFalse(Arrays.equals(
                ImageOps.jpeg(img, 40).rgb(), ImageOps.jpegTrueColour(img, 40).rgb()));
    }

    private static RgbImage colourful(int w, int h) {
        SplittableRandom random = new SplittableRandom(3);
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                px[o] = (byte) (x * 6 + random.nextInt(20));
                px[o + 1] = (byte) (40 + random.nextInt(20));
                px[o + 2] = (byte) (y * 7 + random.nextInt(20));
            }
        }
        return new RgbImage(w, h, px);
    }

    private static RgbImage swap(RgbImage img) {
        byte[] in = img.rgb();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i += 3) {
            out[i] = in[i + 2];
            out[i + 1] = in[i + 1];
            out[i + 2] = in[i];
        }
        return new RgbImage(img.width(), img.height(), out);
    }
}
