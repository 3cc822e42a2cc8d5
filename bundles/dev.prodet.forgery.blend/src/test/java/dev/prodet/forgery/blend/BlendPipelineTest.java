package dev.prodet.forgery.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.RgbImage;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlendPipelineTest {

    private static final FaceSample BG = SyntheticFaces.face("v001", "a", 0);
    private static final FaceSample DONOR = SyntheticFaces.face("v002", "b", 0);

    @Test
    void maskIsTheRatioTimesASoftenedMaskAndTheBackgroundSurvivesWhereItIsZero() {
        float[] hull = HullMasks.build(HullType.DFL_FULL, BG.face().landmarks(), 256, 256);
        for (long seed = 0; seed < 10; seed++) {
            BlendPipeline.Result r = BlendPipeline.blend(
                    DONOR.face().image(),
                    BG.face().image(),
                    hull,
                    new SplittableRandom(seed),
                    BlendPipeline.Options.cbi(true));
            float max = 0;
            float[] m = r.mask();
            for (float v : m) {
                max = Math.max(max, v);
            }
            assertEquals(r.ratio(), max, 1e-6f, "peak of the mask is the blend ratio");
            byte[] out = r.image().rgb();
            byte[] bg = BG.face().rgb();
            for (int p = 0; p < m.length; p++) {
                if (m[p] == 0f) {
                    assertEquals(bg[3 * p], out[3 * p]);
                }
            }
        }
    }

    @Test
    void crossBlendCarriesTheBackgroundsColoursInsideTheFace() {
        float[] hull = HullMasks.build(HullType.COMPONENTS, BG.face().landmarks(), 256, 256);
        RgbImage noTransfer = BlendPipeline.blend(
                        DONOR.face().image(),
                        BG.face().image(),
                        hull,
                        new SplittableRandom(1),
                        new BlendPipeline.Options(false, new float[] {1f}))
                .image();
        RgbImage transfer = BlendPipeline.blend(
                        DONOR.face().image(),
                        BG.face().image(),
                        hull,
                        new SplittableRandom(1),
                        new BlendPipeline.Options(true, new float[] {1f}))
                .image();
        float[] core = HullMasks.build(HullType.COMPONENTS, BG.face().landmarks(), 256, 256);
        double bgMean = ColorTransferTest.stats(BG.face().rgb(), core, 0)[0];
        double with = ColorTransferTest.stats(transfer.rgb(), core, 0)[0];
        double without = ColorTransferTest.stats(noTransfer.rgb(), core, 0)[0];
        assertTrue(
                Math.abs(with - bgMean) < Math.abs(without - bgMean),
                "transfer moves the face towards the background's colour: " + with + " vs " + without + ", bg "
                        + bgMean);
    }

    @Test
    void rejectsSizeMismatchesAndBadRatios() {
        RgbImage small = new RgbImage(8, 8, new byte[8 * 8 * 3]);
        float[] hull = new float[256 * 256];
        assertThrows(
                IllegalArgumentException.class,
                () -> BlendPipeline.blend(
                        small, BG.face().image(), hull, new SplittableRandom(1), BlendPipeline.Options.sbi()));
        assertThrows(IllegalArgumentException.class, () -> new BlendPipeline.Options(false, new float[] {1.5f}));
        assertThrows(IllegalArgumentException.class, () -> new BlendPipeline.Options(false, new float[0]));
    }
}
