package dev.prodet.face.internal.assets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prodet.api.face.RgbImage;
import dev.prodet.face.internal.cv.Mats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fetched test assets. Tests that need them are skipped, with a message saying how to fetch them, when
 * {@code scripts/fetch-assets.sh} has not run on this machine (.ci/run runs it before the build).
 */
public final class TestAssets {

    private static final String HINT =
            "; run 'bash scripts/fetch-assets.sh' in the checkout to fetch it and run " + "this test";

    private TestAssets() {}

    /** The locator the tests use: system properties, $PRODET_HOME, or ~/.cache/prodet. */
    public static AssetLocator locator() {
        return AssetLocator.fromSystem();
    }

    /** Skips the test unless the model has been fetched. */
    public static void assumeModel(Asset asset) {
        assumeTrue(
                locator().exists(asset),
                () -> asset.description() + " not fetched (" + locator().pathOf(asset) + ")" + HINT);
    }

    /** Skips the test unless every face model has been fetched. */
    public static void assumeModels() {
        for (Asset a : Asset.ALL) {
            assumeModel(a);
        }
    }

    /** A synthetic image with no face: uniform RGB noise. */
    public static RgbImage noise(int width, int height, long seed) {
        byte[] px = new byte[width * height * 3];
        new java.util.Random(seed).nextBytes(px);
        return new RgbImage(width, height, px);
    }

    /** A synthetic image with no face: a smooth diagonal colour gradient. */
    public static RgbImage gradient(int width, int height) {
        byte[] px = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                px[i] = (byte) (255 * x / width);
                px[i + 1] = (byte) (255 * y / height);
                px[i + 2] = (byte) (255 * (x + y) / (width + height));
            }
        }
        return new RgbImage(width, height, px);
    }

    /** A fetched image, e.g. {@code images/astronaut.png}; skips the test when it is missing. */
    public static RgbImage image(String relativePath) throws IOException {
        Path p = locator().dir().resolve(relativePath);
        assumeTrue(Files.isRegularFile(p), () -> "test image " + p + " not fetched" + HINT);
        return Mats.read(p);
    }
}
