package dev.prodet.forgery.swap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.forgery.blend.LandmarkDonorIndex;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the face-swap stand-in beyond the generic contract. */
class SwapPropertiesTest {

    private static final FaceSample TARGET = SyntheticFaces.face("v000", "id0", 0);

    @Test
    void donorIsAlwaysAnotherIdentityFromAnotherVideo() {
        List<FaceSample> pool = new java.util.ArrayList<>(SyntheticFaces.pool(6, 2));
        pool.add(SyntheticFaces.face("v100", "id0", 0)); // the target's person in another video
        Map<String, FaceSample> byPath = new HashMap<>();
        pool.forEach(s -> byPath.put(s.relativePath(), s));
        LandmarkDonorIndex index = LandmarkDonorIndex.of(pool);
        for (long seed = 0; seed < 30; seed++) {
            Forgery f = new SwapGenerator(SwapSettings.DEFAULTS).generate(TARGET, index, new SplittableRandom(seed));
            FaceSample donor = byPath.get(f.donorId());
            assertNotEquals("id0", donor.identity());
            assertNotEquals("v000", donor.videoId());
        }
    }

    @Test
    void withoutAnotherIdentityItThrowsNamingTheVideo() {
        ForgeryContext sameId = (t, k) -> List.of(SyntheticFaces.face("v100", "id0", 0));
        NoDonorException e = assertThrows(NoDonorException.class, () -> new SwapGenerator(SwapSettings.DEFAULTS)
                .generate(TARGET, sameId, new SplittableRandom(1)));
        assertEquals("v000", e.videoId());
    }

    @Test
    void resamplingArtefactRemovesFineDetailInsideTheFace() {
        ForgeryContext ctx = (t, k) -> List.of(SyntheticFaces.face("v003", "id3", 0));
        Forgery sharp = new SwapGenerator(new SwapSettings(5, 1, 1, 0, 0.1, true))
                .generate(TARGET, ctx, new SplittableRandom(1));
        Forgery coarse = new SwapGenerator(new SwapSettings(5, 0.25, 0.25, 0, 0.1, true))
                .generate(TARGET, ctx, new SplittableRandom(1));
        double hfSharp = detail(sharp);
        double hfCoarse = detail(coarse);
        assertTrue(hfCoarse < 0.6 * hfSharp, "high-frequency energy inside the face: " + hfCoarse + " vs " + hfSharp);
        Forgery jpeg = new SwapGenerator(new SwapSettings(5, 1, 1, 30, 0.1, true))
                .generate(TARGET, ctx, new SplittableRandom(1));
        assertNotEquals(sharp.image(), jpeg.image());
        assertEquals(sharp.mask().length, jpeg.mask().length);
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new SwapSettings(0, 0.25, 0.5, 0, 0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new SwapSettings(5, 0.6, 0.5, 0, 0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new SwapSettings(5, 0.25, 0.5, 101, 0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new SwapSettings(5, 0.25, 0.5, 0, 0, true));
    }

    // mean squared horizontal gradient where the face is fully swapped (weight 1)
    private static double detail(Forgery f) {
        byte[] rgb = f.image().rgb();
        float[] m = f.mask();
        double s = 0;
        int n = 0;
        for (int p = 0; p < m.length - 1; p++) {
            if (m[p] == 1f && m[p + 1] == 1f) {
                int d = (rgb[3 * p + 1] & 0xff) - (rgb[3 * p + 4] & 0xff);
                s += d * d;
                n++;
            }
        }
        return s / n;
    }
}
