package dev.prodet.forgery.blend.testing;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Procedurally drawn aligned faces with iBUG-68 landmarks, for tests: a textured background, a skin ellipse with
 * shading, eyes, eyebrows, nose and mouth drawn where the landmarks say. Identity fixes skin tone and proportions;
 * the frame index jitters position, scale and mouth opening a little, like frames of one video.
 */
public final class SyntheticFaces {

    /** Side of the square crops, as ProDet's aligned crops. */
    public static final int SIZE = 256;

    private SyntheticFaces() {}

    /** A 256×256 face of normal size. */
    public static FaceSample face(String videoId, String identity, int frame) {
        return face(videoId, identity, frame, 1.0);
    }

    /**
     * A 256×256 face.
     *
     * @param scale face size relative to an aligned crop's face (1 = about 150×190 pixels)
     */
    public static FaceSample face(String videoId, String identity, int frame, double scale) {
        SplittableRandom id = new SplittableRandom(identity.hashCode() * 0x9E3779B97F4A7C15L);
        SplittableRandom fr = new SplittableRandom((videoId.hashCode() * 31L + frame) * 0xD1B54A32D192ED03L);
        FaceGeometry g = new FaceGeometry(
                128 + fr.nextDouble(-3, 3),
                136 + fr.nextDouble(-3, 3),
                scale * (70 + id.nextDouble(-6, 6)) * (1 + fr.nextDouble(-0.02, 0.02)),
                scale * (88 + id.nextDouble(-6, 6)) * (1 + fr.nextDouble(-0.02, 0.02)),
                0.38 + id.nextDouble(-0.04, 0.04),
                fr.nextDouble(0.0, 0.05));
        int[] skin = {(int) id.nextDouble(150, 235), 0, 0};
        skin[1] = (int) (skin[0] * id.nextDouble(0.70, 0.82));
        skin[2] = (int) (skin[0] * id.nextDouble(0.55, 0.70));
        int[] backdrop = {(int) id.nextDouble(20, 230), (int) id.nextDouble(20, 230), (int) id.nextDouble(20, 230)};
        RgbImage image = FacePainter.paint(SIZE, SIZE, g, skin, backdrop, fr.nextLong());
        AlignedFace face =
                new AlignedFace(image, g.landmarks(), null, new FacePreprocessorInfo("synthetic-test-faces", "1.0.0"));
        return new FaceSample(face, videoId, identity, Label.REAL, frame, videoId + "/" + frame + ".png");
    }

    /**
     * Faces of {@code videos} videos ({@code v000}, {@code v001}, ...), {@code frames} each; video i shows
     * identity {@code id<i>}.
     */
    public static List<FaceSample> pool(int videos, int frames) {
        List<FaceSample> out = new ArrayList<>(videos * frames);
        for (int v = 0; v < videos; v++) {
            for (int f = 0; f < frames; f++) {
                out.add(face(String.format("v%03d", v), "id" + v, f));
            }
        }
        return out;
    }
}
