package dev.prodet.forgery.cbi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.forgery.blend.LandmarkDonorIndex;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of CBI's donor choice (docs/method.md §4.2) beyond the generic contract. */
class CbiPropertiesTest {

    private static final FaceSample TARGET = SyntheticFaces.face("v000", "id0", 0);

    @Test
    void donorIsNeverFromTheTargetsVideoAndIsOneOfTheThreeNearest() {
        // the pool holds more frames of the target's own video, whose landmarks are nearest of all
        List<FaceSample> pool = SyntheticFaces.pool(7, 4);
        LandmarkDonorIndex index = LandmarkDonorIndex.of(pool);
        Map<String, String> videoOfPath = new HashMap<>();
        pool.forEach(s -> videoOfPath.put(s.relativePath(), s.videoId()));
        List<String> top3 =
                index.donors(TARGET, 3).stream().map(FaceSample::relativePath).toList();
        Map<String, Integer> picks = new HashMap<>();
        CbiGenerator cbi = new CbiGenerator(3, true);
        int n = 150;
        for (long seed = 0; seed < n; seed++) {
            Forgery f = cbi.generate(TARGET, index, new SplittableRandom(seed));
            assertNotEquals(TARGET.videoId(), videoOfPath.get(f.donorId()), "seed " + seed);
            assertTrue(top3.contains(f.donorId()), f.donorId() + " is not among the 3 nearest " + top3);
            picks.merge(f.donorId(), 1, Integer::sum);
        }
        for (String p : top3) {
            assertEquals(n / 3.0, picks.getOrDefault(p, 0), n / 6.0, "uniform choice among the top 3: " + picks);
        }
    }

    @Test
    void sameVideoCandidatesOfAFaultyContextAreDroppedNotUsed() {
        FaceSample sameVideo = SyntheticFaces.face("v000", "id0", 1);
        FaceSample other = SyntheticFaces.face("v005", "id5", 0);
        ForgeryContext faulty = (t, k) -> List.of(sameVideo, other, sameVideo);
        for (long seed = 0; seed < 10; seed++) {
            assertEquals(
                    other.relativePath(),
                    new CbiGenerator(3, true)
                            .generate(TARGET, faulty, new SplittableRandom(seed))
                            .donorId());
        }
    }

    @Test
    void withoutADonorItThrowsNamingTheVideoAndNeverSelfBlends() {
        FaceSample sameVideo = SyntheticFaces.face("v000", "id0", 1);
        List<ForgeryContext> contexts = new ArrayList<>();
        contexts.add((t, k) -> List.of());
        contexts.add((t, k) -> List.of(sameVideo));
        contexts.add(LandmarkDonorIndex.of(List.of(sameVideo, SyntheticFaces.face("v000", "id0", 2))));
        for (ForgeryContext ctx : contexts) {
            NoDonorException e = assertThrows(NoDonorException.class, () -> new CbiGenerator(3, true)
                    .generate(TARGET, ctx, new SplittableRandom(1)));
            assertEquals("v000", e.videoId());
            assertTrue(e.getMessage().contains("v000"), e.getMessage());
        }
    }

    @Test
    void hardBlendingAlwaysReachesFullWeight() {
        LandmarkDonorIndex index = LandmarkDonorIndex.of(SyntheticFaces.pool(4, 1));
        for (long seed = 0; seed < 12; seed++) {
            float peak = 0;
            for (float v : new CbiGenerator(3, false)
                    .generate(TARGET, index, new SplittableRandom(seed))
                    .mask()) {
                peak = Math.max(peak, v);
            }
            assertTrue(peak >= 0.99f, "seed " + seed + " peak " + peak);
        }
    }

    @Test
    void rejectsDonorsOfAnotherSizeAndBadSettings() {
        FaceSample big = SyntheticFaces.face("v003", "id3", 0);
        AlignedFace f = big.face();
        RgbImage cropped = new RgbImage(128, 128, new byte[128 * 128 * 3]);
        FaceSample small = new FaceSample(
                new AlignedFace(cropped, f.landmarks(), null, f.preprocessor()),
                "v003",
                "id3",
                big.label(),
                0,
                "v003/small.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CbiGenerator(3, true)
                .generate(TARGET, (t, k) -> List.of(small), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("128x128"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CbiGenerator(0, true));
    }
}
