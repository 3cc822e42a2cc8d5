package dev.prodet.train.djl.internal.data;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.io.Sha256;
import dev.prodet.data.internal.manifest.DatasetFiles;
import dev.prodet.data.internal.manifest.FrameEntry;
import dev.prodet.data.internal.manifest.Manifest;
import dev.prodet.data.internal.manifest.ManifestIo;
import dev.prodet.data.internal.manifest.VideoEntry;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a prepared dataset folder laid out as {@code ./prodet data prepare --dataset ffpp} makes one: original
 * videos {@code 000..} (real, identity = id) and, for each, a Deepfakes video {@code TTT_SSS} of the same target
 * (fake, identity = target, paired with original {@code TTT} as {@code data prepare} records it), all in the training
 * split, as FaceForensics++ is (about 80 % of its frames are fake).
 * Manipulated crops carry black and white stripes on their top rows, so a test can spot one among anchors.
 */
final class FfppLayout {
    static final int FRAMES = 3;
    static final String PREPROCESSOR = "synthetic-test-faces";
    static final String METHOD = "Deepfakes";

    private FfppLayout() {}

    /** Writes {@code reals} original videos and one manipulated video per original into {@code dir}. */
    static void write(Path dir, int reals) throws IOException {
        List<VideoEntry> videos = new ArrayList<>();
        for (int v = 0; v < reals; v++) {
            String id = String.format("%03d", v);
            String source = String.format("%03d", (v + 1) % reals);
            videos.add(video(dir, id, id, "real", false));
            videos.add(video(dir, METHOD + "/" + id + "_" + source, id, "fake", true));
        }
        ManifestIo.write(
                dir, new Manifest(Manifest.FORMAT, "ffpp-layout", "/ffpp", PREPROCESSOR, "1.0.0", FRAMES, videos));
    }

    /** Whether the top rows of an image show the manipulated frames' black and white stripes. */
    static boolean hasManipulationMark(RgbImage image) {
        byte[] px = image.rgb();
        int flips = 0;
        for (int x = 0; x + 4 < image.width(); x += 4) {
            // luma of row 3 at the middle of two neighbouring 4-pixel stripes
            flips += Math.abs(luma(px, 3 * image.width() + x + 1) - luma(px, 3 * image.width() + x + 5)) > 120 ? 1 : 0;
        }
        return flips > image.width() / 8;
    }

    private static int luma(byte[] px, int p) {
        return ((px[3 * p] & 0xff) * 3 + (px[3 * p + 1] & 0xff) * 6 + (px[3 * p + 2] & 0xff)) / 10;
    }

    private static VideoEntry video(Path dir, String videoId, String identity, String label, boolean mark)
            throws IOException {
        List<FrameEntry> frames = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            FaceSample s = SyntheticFaces.face(videoId, identity, f);
            RgbImage image = mark ? marked(s.face().image()) : s.face().image();
            String stem = "crops/train/" + videoId + "/" + String.format("%02d_f%06d", f, 10 * f);
            DatasetFiles.writePng(dir.resolve(stem + ".png"), image);
            DatasetFiles.writeNpy(dir.resolve(stem + ".npy"), s.face().landmarks());
            frames.add(new FrameEntry(
                    f,
                    10 * f,
                    stem + ".png",
                    Sha256.of(dir.resolve(stem + ".png")),
                    stem + ".npy",
                    Sha256.of(dir.resolve(stem + ".npy"))));
        }
        String kind = label.equals("real") ? "original_sequences/youtube/c23/videos/" : "manipulated_sequences/";
        return new VideoEntry(
                kind + videoId + ".mp4",
                1,
                1,
                videoId,
                identity,
                label,
                "train",
                300,
                FRAMES,
                0,
                frames,
                mark ? identity : null,
                mark ? METHOD : null);
    }

    private static RgbImage marked(RgbImage image) {
        byte[] px = image.rgb();
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < image.width(); x++) {
                int i = (y * image.width() + x) * 3;
                byte v = (byte) ((x / 4) % 2 == 0 ? 0 : 255);
                px[i] = v;
                px[i + 1] = v;
                px[i + 2] = v;
            }
        }
        return new RgbImage(image.width(), image.height(), px);
    }
}
