package dev.prodet.data.internal.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import dev.prodet.api.io.Sha256;
import dev.prodet.data.internal.dataset.ManifestDataset;
import dev.prodet.data.internal.manifest.FrameEntry;
import dev.prodet.data.internal.manifest.Manifest;
import dev.prodet.data.internal.manifest.VideoEntry;
import dev.prodet.data.internal.sample.SampleDataBuilder;
import dev.prodet.data.internal.source.SourceItem;
import dev.prodet.face.FaceLandmarkLayout;
import dev.prodet.face.internal.align.FacePipeline;
import dev.prodet.face.internal.assets.AssetLocator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preparation with the real face pipeline on the fetched sample assets. */
class PreparerTest {

    private static FacePipeline faces;
    private static Path assets;

    @TempDir
    Path out;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void load() throws Exception {
        AssetLocator locator = AssetLocator.fromSystem();
        assets = locator.dir();
        assumeTrue(
                Files.isRegularFile(assets.resolve("videos/franck.mp4"))
                        && Files.isRegularFile(assets.resolve("models/face_landmark.tflite")),
                () -> "assets not fetched under " + assets + "; run 'bash scripts/fetch-assets.sh' to run this test");
        if (faces == null) {
            faces = FacePipeline.blazeface(locator);
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (faces != null) {
            faces.close();
        }
    }

    @Test
    void sampleDataIsSplitByVideoAndIdentityAndASecondRunDoesNoWork() throws Exception {
        assumeTrue(
                Files.isRegularFile(assets.resolve("images/group/sample6.jpg")),
                () -> "group photos not fetched under " + assets + "; run 'bash scripts/fetch-assets.sh'");
        PrepareReport first = SampleDataBuilder.build(faces, assets, out, 4, 2, new PrintStream(console));
        assertTrue(first.ok(), first::summary);
        assertEquals(11, first.prepared());
        assertTrue(first.faces() >= 3 * 4 + 2 + 10, first::summary); // every frame of the videos, the group faces
        assertTrue(console.toString().contains("11/11 videos"), console::toString);

        ManifestDataset ds = ManifestDataset.open(out);
        Set<String> trainVideos = new HashSet<>();
        Set<String> trainPeople = new HashSet<>();
        for (FaceSample s : ds.samples(Split.TRAIN)) {
            trainVideos.add(s.videoId());
            trainPeople.add(s.identity());
        }
        assertEquals(Set.of("franck", "cap12", "group1", "group2", "group3", "group4"), trainVideos);
        assertTrue(
                ds.size(Split.TRAIN) >= 2 * 3 + 4, "every face of the training group photos: " + ds.size(Split.TRAIN));
        Set<String> valVideos = new HashSet<>();
        Set<String> unseenInVal = new HashSet<>();
        for (FaceSample s : ds.samples(Split.VAL)) {
            valVideos.add(s.videoId());
            if (!trainPeople.contains(s.identity())) {
                unseenInVal.add(s.identity());
            }
        }
        // validation: the end of each training video, and two group photos of people seen nowhere else
        assertEquals(Set.of("franck", "cap12", "group5", "group6"), valVideos);
        assertEquals(Set.of("group-photo-5", "group-photo-6"), unseenInVal);
        Set<String> unseenPeople = new HashSet<>();
        for (FaceSample s : ds.samples(Split.TEST)) {
            assertFalse(trainVideos.contains(s.videoId()), () -> "test face from a training video: " + s);
            assertFalse(valVideos.contains(s.videoId()), () -> "test face from a validation video: " + s);
            if (!trainPeople.contains(s.identity())) {
                unseenPeople.add(s.identity());
            }
        }
        assertEquals(Set.of("eileen-collins", "grace-hopper"), unseenPeople);
        FaceSample s = ds.samples(Split.TEST).get(0);
        assertEquals(256, s.face().width());
        assertEquals(FaceLandmarkLayout.POINTS, s.face().landmarks().count());
        assertEquals(Label.REAL, s.label());
        assertEquals(faces.info(), s.face().preprocessor());
        for (VideoEntry v : ds.manifest().videos()) { // checksums in the manifest match the files
            for (FrameEntry f : v.frames()) {
                assertEquals(f.sha256(), Sha256.of(out.resolve(f.path())));
                assertFalse(f.path().startsWith("/"));
            }
        }

        FileTime written = Files.getLastModifiedTime(out.resolve(Manifest.FILE));
        PrepareReport second = SampleDataBuilder.build(faces, assets, out, 4, 2, new PrintStream(console));
        assertEquals(0, second.prepared());
        assertEquals(11, second.upToDate());
        assertEquals(0, second.sampled());
        assertEquals(written, Files.getLastModifiedTime(out.resolve(Manifest.FILE)), "manifest left untouched");
    }

    @Test
    void badItemsAreReportedWithPathAndReasonAndTheRestIsPrepared() throws Exception {
        Path src = Files.createDirectories(out.resolve("src"));
        Path good = Files.copy(assets.resolve("images/grace_hopper.jpg"), src.resolve("good.jpg"));
        Path corrupt = Files.write(src.resolve("corrupt.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Path unreadable = Files.writeString(src.resolve("unreadable.png"), "not a png");
        Path missing = src.resolve("missing.mp4");
        List<SourceItem> items = List.of(item(good), item(corrupt), item(unreadable), item(missing));
        PrepareReport r =
                new Preparer(faces, 4, 2, new PrintStream(console)).prepare("t", src, items, out.resolve("ds"));
        assertFalse(r.ok());
        assertEquals(1, r.prepared());
        assertEquals(1, r.faces());
        List<PrepareReport.Failure> failures = r.failures();
        assertEquals(3, failures.size(), r::summary);
        for (Path bad : List.of(corrupt, unreadable, missing)) {
            assertTrue(
                    failures.stream()
                            .anyMatch(f -> f.source().equals(bad.toString())
                                    && f.reason().contains(bad.toString())),
                    () -> bad + " not reported: " + r.summary());
        }
        assertTrue(Files.readString(out.resolve("ds").resolve(Preparer.REPORT)).contains(corrupt.toString()));
        assertEquals(1, ManifestDataset.open(out.resolve("ds")).size());
    }

    private static SourceItem item(Path file) {
        String name = file.getFileName().toString();
        return new SourceItem(file, name, name, name, Label.REAL, Split.TEST);
    }
}
