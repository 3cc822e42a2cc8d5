package dev.prodet.train.djl.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Split;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RealFacesSamplingTest {
    private static final int DRAWS = 40_000;

    /** One video of 90 frames and three photographs of one face each, as the sample data mixes them. */
    private static RealFaces pool(RealFaces.Sampling sampling) {
        List<FaceSample> faces = new ArrayList<>();
        for (int f = 0; f < 90; f++) {
            faces.add(SyntheticFaces.face("video", "talker", f));
        }
        for (int p = 0; p < 3; p++) {
            faces.add(SyntheticFaces.face("photo" + p, "person" + p, 0));
        }
        return RealFaces.of(MemoryDataset.train(faces), Split.TRAIN, RealFaces.DEFAULT_CACHE_BYTES, sampling);
    }

    private static Map<String, Integer> drawsPerVideo(RealFaces faces) {
        SplittableRandom picks = new SplittableRandom(7);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            counts.merge(faces.face(faces.draw(picks)).videoId(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void frameSamplingDrawsEveryFrameAlikeSoTheLongVideoDominates() {
        Map<String, Integer> counts = drawsPerVideo(pool(RealFaces.Sampling.FRAME));
        assertEquals(90.0 / 93, counts.get("video") / (double) DRAWS, 0.01);
        assertEquals(1.0 / 93, counts.get("photo0") / (double) DRAWS, 0.005);
    }

    @Test
    void videoSamplingDrawsEveryVideoAndPhotographAlike() {
        Map<String, Integer> counts = drawsPerVideo(pool(RealFaces.Sampling.VIDEO));
        for (String v : List.of("video", "photo0", "photo1", "photo2")) {
            assertEquals(0.25, counts.get(v) / (double) DRAWS, 0.01, v);
        }
    }

    @Test
    void framesPerVideoIsTheLongestVideosCountWhicheverTheSampling() {
        assertEquals(90, pool(RealFaces.Sampling.FRAME).framesPerVideo());
        assertEquals(90, pool(RealFaces.Sampling.VIDEO).framesPerVideo());
    }

    @Test
    void anUnknownSamplingIsRefusedByName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RealFaces.Sampling.parse("identity"));
        assertEquals("data.sampling must be 'frame' or 'video', got 'identity'", e.getMessage());
        assertEquals(RealFaces.Sampling.FRAME, RealFaces.Sampling.parse(null));
    }
}
