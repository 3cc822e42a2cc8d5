package dev.prodet.train.djl.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.data.internal.dataset.ManifestDataset;
import dev.prodet.forgery.cbi.internal.CbiGenerator;
import dev.prodet.forgery.paired.internal.PairedDeepfakeGenerator;
import dev.prodet.forgery.sbi.internal.SbiGenerator;
import dev.prodet.forgery.swap.internal.SwapGenerator;
import dev.prodet.forgery.swap.internal.SwapSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch layout of the official code (method.md §2.2, §3, §4) on a dataset in FaceForensics++ layout, with the
 * real SBI, CBI and face-swap generators: only real frames become anchors, targets and donors; one joint
 * augmentation draw per tuple; SBI's background is the REAL anchor and CBI's background.
 */
class TupleLayoutTest {
    static final List<AnchorKind> LAYOUT =
            List.of(AnchorKind.REAL, AnchorKind.SBI, AnchorKind.CBI, AnchorKind.DEEPFAKE);

    @TempDir
    static Path dir;

    static Dataset ffpp;

    @BeforeAll
    static void writeDataset() throws Exception {
        FfppLayout.write(dir, 4);
        ffpp = ManifestDataset.open(dir);
    }

    /** What the generators were asked to forge and which donors the context handed out. */
    static final class Spy {
        final List<FaceSample> seen = new ArrayList<>();

        synchronized void saw(FaceSample s) {
            seen.add(s);
        }

        Map<AnchorKind, ForgeryGenerator> wrap(Map<AnchorKind, ForgeryGenerator> generators) {
            Map<AnchorKind, ForgeryGenerator> out = new EnumMap<>(AnchorKind.class);
            generators.forEach((a, g) -> out.put(a, new ForgeryGenerator() {
                @Override
                public AnchorKind anchorKind() {
                    return g.anchorKind();
                }

                @Override
                public Forgery generate(FaceSample target, ForgeryContext ctx, RandomGenerator rng) {
                    saw(target);
                    ForgeryContext spying = (t, k) -> {
                        List<FaceSample> donors = ctx.donors(t, k);
                        donors.forEach(Spy.this::saw);
                        return donors;
                    };
                    return g.generate(target, spying, rng);
                }
            }));
            return out;
        }
    }

    static Map<AnchorKind, ForgeryGenerator> generators() {
        return Map.of(
                AnchorKind.SBI, new SbiGenerator(true),
                AnchorKind.CBI, new CbiGenerator(3, true),
                AnchorKind.DEEPFAKE, new SwapGenerator(SwapSettings.DEFAULTS));
    }

    static TupleMaker maker(RealFaces faces, Map<AnchorKind, ForgeryGenerator> generators, boolean joint) {
        return new TupleMaker(
                faces,
                LAYOUT,
                generators,
                joint ? TupleAugmentation.Settings.OFFICIAL : new TupleAugmentation.Settings(false, 0, 0, 1, 0, 0, 0),
                1024);
    }

    @Test
    void noManipulatedFrameIsEverARealAnchorATargetOrADonor() {
        RealFaces faces = RealFaces.of(ffpp, Split.TRAIN, RealFaces.DEFAULT_CACHE_BYTES);
        assertEquals(4 * FfppLayout.FRAMES, faces.size(), "the real frames of the split");
        assertEquals(4 * FfppLayout.FRAMES, faces.skippedFakes(), "the manipulated frames are left out");
        Spy spy = new Spy();
        TupleMaker maker = maker(faces, spy.wrap(generators()), true);
        SplittableRandom picks = new SplittableRandom(5);
        for (int row = 0; row < 24; row++) {
            TupleMaker.Tuple t = maker.make(0, row, picks, () -> {});
            assertEquals(
                    Label.REAL,
                    t.face().label(),
                    "row " + row + " starts from " + t.face().relativePath());
            assertFalse(FfppLayout.hasManipulationMark(t.images().get(0)), "row " + row + ": REAL anchor");
        }
        assertTrue(spy.seen.size() > 24 * 3, "targets and donors seen: " + spy.seen.size());
        for (FaceSample s : spy.seen) {
            assertEquals(Label.REAL, s.label(), s.relativePath() + " was a target or donor");
            assertFalse(s.videoId().contains("_"), s.relativePath() + " is a manipulated frame");
            assertFalse(FfppLayout.hasManipulationMark(s.face().image()), s.relativePath());
        }
    }

    @Test
    void thePairedDeepfakeAnchorIsTheManipulatedFrameOfTheSameVideoAndTime() {
        RealFaces faces = RealFaces.of(ffpp, Split.TRAIN, RealFaces.DEFAULT_CACHE_BYTES);
        Map<AnchorKind, ForgeryGenerator> generators = new EnumMap<>(generators());
        generators.put(AnchorKind.DEEPFAKE, new PairedDeepfakeGenerator(List.of(FfppLayout.METHOD)));
        TupleMaker plain = maker(faces, generators, false);
        List<FaceSample> all = ffpp.samples(Split.TRAIN);
        for (int k = 0; k < faces.size(); k++) {
            FaceSample real = faces.face(k);
            TupleMaker.Tuple t = plain.makeFrom(real, 2, k);
            FaceSample paired = all.stream()
                    .filter(s -> s.videoId().startsWith(FfppLayout.METHOD + "/" + real.videoId() + "_")
                            && s.frameIndex() == real.frameIndex())
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    paired.face().image(),
                    t.images().get(LAYOUT.indexOf(AnchorKind.DEEPFAKE)),
                    real.relativePath() + ": DEEPFAKE anchor");
            assertFalse(FfppLayout.hasManipulationMark(t.images().get(0)), real.relativePath() + ": REAL anchor");
        }
    }

    @Test
    void theFourImagesOfATupleShareOneAugmentationDraw() {
        RealFaces faces = RealFaces.of(ffpp, Split.TRAIN, RealFaces.DEFAULT_CACHE_BYTES);
        TupleMaker augmented = maker(faces, generators(), true);
        TupleMaker plain = maker(faces, generators(), false);
        int changed = 0;
        for (int row = 0; row < 12; row++) {
            FaceSample face = faces.face(row % faces.size());
            TupleMaker.Tuple t = augmented.makeFrom(face, 3, row);
            TupleMaker.Tuple u = plain.makeFrom(face, 3, row);
            for (int b = 0; b < LAYOUT.size(); b++) {
                // the recorded draw, applied to each un-augmented image, gives each augmented image
                assertEquals(
                        t.augmentation().apply(u.images().get(b)),
                        t.images().get(b),
                        "row " + row + " " + LAYOUT.get(b));
            }
            changed += t.images().get(0).equals(u.images().get(0)) ? 0 : 1;
            // and it is one draw: far from the blend masks, the four augmented images stay pixel-identical
            assertEqualAwayFromMasks(t, "row " + row);
        }
        assertTrue(changed >= 6, "the augmentation changed only " + changed + " of 12 tuples");
    }

    @Test
    void theRealAnchorIsSbisBackgroundAndCbiIsBlendedIntoIt() {
        RealFaces faces = RealFaces.of(ffpp, Split.TRAIN, RealFaces.DEFAULT_CACHE_BYTES);
        TupleMaker plain = maker(faces, generators(), false);
        int ownBackground = 0;
        for (int row = 0; row < 16; row++) {
            TupleMaker.Tuple t = plain.makeFrom(faces.face(row % faces.size()), 7, row);
            RgbImage real = t.images().get(0);
            Forgery sbi = t.forgeries().get(1);
            Forgery cbi = t.forgeries().get(2);
            ownBackground += sbi.background() != null ? 1 : 0;
            assertEqualWhereMaskIsZero(real, t.images().get(1), sbi.mask(), "row " + row + ": REAL vs SBI");
            assertEqualWhereMaskIsZero(real, t.images().get(2), cbi.mask(), "row " + row + ": REAL vs CBI");
            if (sbi.background() != null) {
                assertNotEquals(
                        t.face().face().image(), real, "row " + row + ": the REAL anchor is SBI's augmented target");
            }
        }
        assertTrue(
                ownBackground >= 3 && ownBackground <= 13,
                "SBI augmented the target " + ownBackground + " of 16 times");
    }

    static void assertEqualWhereMaskIsZero(RgbImage a, RgbImage b, float[] mask, String what) {
        byte[] pa = a.rgb();
        byte[] pb = b.rgb();
        int outside = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] == 0f) {
                outside++;
                for (int c = 0; c < 3; c++) {
                    if (pa[3 * p + c] != pb[3 * p + c]) {
                        throw new AssertionError(what + ": pixel " + p + " has mask 0 but differs");
                    }
                }
            }
        }
        assertTrue(outside > mask.length / 4, what + ": only " + outside + " pixels outside the mask");
    }

    /**
     * Pixels whose 16-pixel JPEG block and its neighbours hold no mask pixel of SBI or CBI must be equal in the
     * augmented REAL, SBI and CBI images (JPEG codes 16×16 blocks; chroma upsampling reaches one block further).
     */
    static void assertEqualAwayFromMasks(TupleMaker.Tuple t, String what) {
        int w = t.images().get(0).width();
        int h = t.images().get(0).height();
        int bw = (w + 15) / 16;
        int bh = (h + 15) / 16;
        boolean[] touched = new boolean[bw * bh];
        for (int b = 1; b <= 2; b++) {
            float[] m = t.forgeries().get(b).mask();
            for (int p = 0; p < m.length; p++) {
                if (m[p] > 0f) {
                    touched[(p / w / 16) * bw + (p % w) / 16] = true;
                }
            }
        }
        byte[] real = t.images().get(0).rgb();
        byte[][] others = {null, t.images().get(1).rgb(), t.images().get(2).rgb()};
        int compared = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (near(touched, bw, bh, x / 16, y / 16)) {
                    continue;
                }
                compared++;
                int i = 3 * (y * w + x);
                for (int b = 1; b <= 2; b++) {
                    byte[] other = others[b];
                    for (int c = 0; c < 3; c++) {
                        if (other[i + c] != real[i + c]) {
                            throw new AssertionError(what + ": " + LAYOUT.get(b) + " differs from REAL at (" + x + ", "
                                    + y + ") far from both masks: not one augmentation draw");
                        }
                    }
                }
            }
        }
        assertTrue(compared > 1000, what + ": only " + compared + " pixels far from the masks");
    }

    private static boolean near(boolean[] touched, int bw, int bh, int bx, int by) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int x = bx + dx;
                int y = by + dy;
                if (x >= 0 && y >= 0 && x < bw && y < bh && touched[y * bw + x]) {
                    return true;
                }
            }
        }
        return false;
    }
}
