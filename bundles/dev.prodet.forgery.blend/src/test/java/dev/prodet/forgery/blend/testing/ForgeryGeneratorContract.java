package dev.prodet.forgery.blend.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.plugin.PluginKinds;
import dev.prodet.api.plugin.PluginProperties;
import dev.prodet.api.testing.ComponentDescriptor;
import dev.prodet.forgery.blend.LandmarkDonorIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ForgeryGenerator} plugin must meet (one generic test per service type, as timm tests
 * every model). A generator bundle extends this class and names its generator and expected anchor.
 *
 * <p>Checks: determinism by seed and independence from thread scheduling, output size, mask length and range (which
 * also rejects NaN), a non-trivial forgery, background preserved where the mask is 0, the anchor kind and its
 * attribute labels, the DS service properties, and a clear rejection of faces without 68 landmarks.
 */
public abstract class ForgeryGeneratorContract {

    private static final List<FaceSample> POOL = SyntheticFaces.pool(6, 3);

    /** The generator under test, configured as it will be registered. */
    protected abstract ForgeryGenerator generator();

    /** The anchor it must produce. */
    protected abstract AnchorKind expectedAnchor();

    /** Its {@code prodet.generator.name}. */
    protected abstract String expectedName();

    /** The donor context; default: a landmark index over 6 synthetic videos of 3 frames. */
    protected ForgeryContext context() {
        return LandmarkDonorIndex.of(POOL);
    }

    /** The face to forge; default: a synthetic face of a video that is not in the donor pool. */
    protected FaceSample target() {
        return SyntheticFaces.face("target-video", "target-person", 0);
    }

    /**
     * Whether pixels with mask weight 0 always equal the target's. True for a blend of a source into the target;
     * a generator that also alters the background (SBI with target-side augmentation) overrides this.
     */
    protected boolean preservesBackground() {
        return true;
    }

    /** The DS component class whose descriptor declares the service properties. */
    protected Class<?> componentClass() {
        return generator().getClass();
    }

    /** A seeded random source of the kind the trainer uses. */
    protected static RandomGenerator rng(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    private Forgery forge(long seed) {
        return generator().generate(target(), context(), rng(seed));
    }

    @Test
    public void sameSeedGivesTheSameForgery() {
        assertEquals(forge(42), forge(42));
    }

    @Test
    public void differentSeedsGiveDifferentForgeries() {
        Set<Forgery> distinct = new HashSet<>();
        for (long seed = 1; seed <= 4; seed++) {
            distinct.add(forge(seed));
        }
        assertTrue(distinct.size() >= 3, "4 seeds gave only " + distinct.size() + " distinct forgeries");
    }

    @Test
    public void outputHasTheTargetSizeAndAValidMask() {
        AlignedFace face = target().face();
        for (long seed = 0; seed < 6; seed++) {
            Forgery f = forge(seed);
            assertEquals(face.width(), f.image().width(), "width");
            assertEquals(face.height(), f.image().height(), "height");
            float[] m = f.mask();
            assertEquals(face.width() * face.height(), m.length, "mask covers exactly the image");
            float max = 0;
            for (float v : m) {
                assertTrue(v >= 0f && v <= 1f, "mask value outside [0, 1] or NaN: " + v);
                max = Math.max(max, v);
            }
            assertTrue(max > 0f, "seed " + seed + ": the mask is empty, nothing was forged");
        }
    }

    @Test
    public void forgeryChangesPixelsOnlyWhereItMayAndChangesSome() {
        byte[] real = target().face().rgb();
        for (long seed = 0; seed < 6; seed++) {
            Forgery f = forge(seed);
            byte[] fake = f.image().rgb();
            float[] m = f.mask();
            float peak = 0;
            for (float v : m) {
                peak = Math.max(peak, v);
            }
            int changedInside = 0;
            for (int p = 0; p < m.length; p++) {
                boolean same = fake[3 * p] == real[3 * p]
                        && fake[3 * p + 1] == real[3 * p + 1]
                        && fake[3 * p + 2] == real[3 * p + 2];
                if (m[p] == 0f && preservesBackground()) {
                    assertTrue(same, "seed " + seed + ": pixel " + p + " has mask 0 but differs from the target");
                }
                if (m[p] > 0.5f * peak && !same) {
                    changedInside++;
                }
            }
            assertTrue(
                    changedInside > 100,
                    "seed " + seed + ": only " + changedInside
                            + " pixels changed where the mask is above half its peak");
        }
    }

    @Test
    public void anchorKindAndAttributeLabels() {
        ForgeryGenerator g = generator();
        assertEquals(expectedAnchor(), g.anchorKind());
        Forgery f = forge(7);
        assertEquals(expectedAnchor(), f.anchorKind());
        assertArrayEquals(expectedAnchor().attributes(), f.anchorKind().attributes());
        assertTrue(f.anchorKind().isFake(), "a generator makes forgeries");
        assertEquals(expectedName(), f.generator());
        if (f.anchorKind() == AnchorKind.CBI || f.anchorKind() == AnchorKind.DEEPFAKE) {
            assertNotNull(f.donorId(), "a cross-identity forgery names its donor");
        }
    }

    @Test
    public void serviceCarriesThePluginProperties() {
        ComponentDescriptor d = ComponentDescriptor.of(componentClass());
        String kind = PluginKinds.GENERATOR;
        assertTrue(
                d.services().contains(ForgeryGenerator.class.getName()), "provides ForgeryGenerator: " + d.services());
        assertEquals(expectedName(), d.properties().get(PluginProperties.nameKey(kind)));
        assertTrue(
                d.properties().get(PluginProperties.versionKey(kind)).matches("\\d+\\.\\d+\\.\\d+.*"),
                "semantic version: " + d.properties());
        assertFalse(
                d.properties()
                        .getOrDefault(PluginProperties.descriptionKey(kind), "")
                        .isBlank(),
                "has a description: " + d.properties());
        assertEquals("Integer", d.types().get("service.ranking"), "service.ranking is an Integer: " + d.types());
    }

    @Test
    public void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
        List<Forgery> sequential = new ArrayList<>();
        for (long seed = 10; seed < 14; seed++) {
            sequential.add(forge(seed));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Forgery>> futures = new ArrayList<>();
            for (long seed = 10; seed < 14; seed++) {
                long s = seed;
                futures.add(pool.submit(() -> forge(s)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(sequential.get(i), futures.get(i).get(), "seed " + (10 + i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void rejectsFacesWithoutThe68Landmarks() {
        FaceSample t = target();
        AlignedFace few = new AlignedFace(
                t.face().image(),
                t.face().landmarks().subset(0, 27),
                null,
                t.face().preprocessor());
        FaceSample bad = new FaceSample(few, t.videoId(), t.identity(), t.label(), t.frameIndex(), t.relativePath());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> generator().generate(bad, context(), rng(1)));
        assertTrue(e.getMessage().contains("27"), "message names the landmark count: " + e.getMessage());
    }

    /** Landmarks of the default target, for subclasses' property tests. */
    protected Landmarks targetLandmarks() {
        return target().face().landmarks();
    }
}
