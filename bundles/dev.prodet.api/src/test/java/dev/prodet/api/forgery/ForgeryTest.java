package dev.prodet.api.forgery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForgeryTest {

    static final RgbImage IMG = new RgbImage(2, 2, new byte[12]);

    static FaceSample sample(String video) {
        AlignedFace face = new AlignedFace(IMG, Landmarks.of(0.5f, 0.5f), null, new FacePreprocessorInfo("p", "1"));
        return new FaceSample(face, video, video, Label.REAL, 0, "real/" + video + "/000.png");
    }

    @Test
    void maskIsValidatedAndCopied() {
        float[] mask = {0f, 0.25f, 1f, 0.5f};
        Forgery f = new Forgery(IMG, mask, AnchorKind.SBI, "sbi", null);
        mask[0] = 1f;
        assertEquals(0f, f.mask()[0]);
        f.mask()[1] = 1f;
        assertEquals(0.25f, f.maskBuffer().get(1));
        assertEquals(new Forgery(IMG, new float[] {0f, 0.25f, 1f, 0.5f}, AnchorKind.SBI, "sbi", null), f);
        assertNotEquals(new Forgery(IMG, new float[] {0f, 0.25f, 1f, 0.6f}, AnchorKind.SBI, "sbi", null), f);

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Forgery(IMG, new float[3], AnchorKind.SBI, "sbi", null));
        assertTrue(e.getMessage().contains("2*2 = 4"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new Forgery(IMG, new float[] {0, 0, 1.5f, 0}, AnchorKind.SBI, "sbi", null));
        assertTrue(e.getMessage().startsWith("Forgery.mask[2] must be in [0, 1], got: 1.5"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new Forgery(IMG, new float[] {0, Float.NaN, 0, 0}, AnchorKind.SBI, "sbi", null));
    }

    @Test
    void crossBlendWithoutDonorIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Forgery(IMG, new float[4], AnchorKind.CBI, "cbi", null));
        assertTrue(e.getMessage().contains("donorId"), e.getMessage());
        assertEquals("v2", new Forgery(IMG, new float[4], AnchorKind.CBI, "cbi", "v2").donorId());
    }

    @Test
    void pickDonorThrowsNamingTheVideoWhenThereIsNone() {
        ForgeryContext none = (target, k) -> List.of();
        NoDonorException e =
                assertThrows(NoDonorException.class, () -> none.pickDonor(sample("033"), 3, new SplittableRandom(1)));
        assertEquals("033", e.videoId());
        assertTrue(e.getMessage().startsWith("no donor exists for video 033"), e.getMessage());

        FaceSample donor = sample("097");
        ForgeryContext one = (target, k) -> List.of(donor);
        assertSame(donor, one.pickDonor(sample("033"), 3, new SplittableRandom(1)));
    }
}
