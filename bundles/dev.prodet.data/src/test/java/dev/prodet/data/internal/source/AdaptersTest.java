package dev.prodet.data.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout adapters on synthetic folder trees (empty files: adapters only list). */
class AdaptersTest {

    @TempDir
    Path root;

    private void touch(String... paths) throws IOException {
        for (String p : paths) {
            Path f = root.resolve(p);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "");
        }
    }

    @Test
    void folderLayoutKeepsEachIdentityInOneSplit() throws IOException {
        touch(
                "real/alice/a1.mp4",
                "real/alice/a2.mp4",
                "real/bob.mp4",
                "fake/alice/f1.mp4",
                "fake/x.png",
                "real/notes.txt");
        List<SourceItem> items = new FolderAdapter().list(root);
        assertEquals(5, items.size(), items::toString);
        Map<String, List<Split>> splits = items.stream()
                .collect(Collectors.groupingBy(
                        SourceItem::identity, Collectors.mapping(SourceItem::split, Collectors.toList())));
        assertEquals(1, splits.get("alice").stream().distinct().count(), "alice in one split");
        SourceItem bob = items.stream()
                .filter(i -> i.identity().equals("real_bob"))
                .findFirst()
                .orElseThrow();
        assertEquals(Label.REAL, bob.label());
        assertEquals("real/bob.mp4", bob.relativePath());
        assertTrue(items.stream().anyMatch(i -> i.isStill() && i.label() == Label.FAKE));
    }

    @Test
    void folderLayoutWithExplicitSplits() throws IOException {
        touch("train/real/a.mp4", "val/fake/b.mp4", "test/real/c.jpg");
        List<SourceItem> items = new FolderAdapter().list(root);
        assertEquals(
                List.of(Split.TRAIN, Split.VAL, Split.TEST),
                items.stream().map(SourceItem::split).toList());
    }

    @Test
    void emptyFolderSaysWhatItExpected() {
        IOException e = assertThrows(IOException.class, () -> new FolderAdapter().list(root));
        assertTrue(e.getMessage().contains(root.resolve("real").toString()), e.getMessage());
    }

    @Test
    void faceForensicsUsesTheOfficialSplits() throws IOException {
        touch(
                "original_sequences/youtube/c23/videos/000.mp4",
                "original_sequences/youtube/c23/videos/003.mp4",
                "original_sequences/youtube/c23/videos/010.mp4",
                "manipulated_sequences/Deepfakes/c23/videos/000_003.mp4",
                "manipulated_sequences/Deepfakes/c23/videos/003_000.mp4",
                "manipulated_sequences/FaceSwap/c23/videos/010_000.mp4",
                "manipulated_sequences/Deepfakes/c40/videos/000_003.mp4",
                "manipulated_sequences/DeepFakeDetection/c23/videos/01_02__meeting_serious__YVGY8LOK.mp4",
                "splits/train.json");
        Files.writeString(root.resolve("splits/train.json"), "[[\"000\", \"003\"]]");
        Files.writeString(root.resolve("splits/val.json"), "[]");
        Files.writeString(root.resolve("splits/test.json"), "[[\"010\", \"999\"]]");
        List<SourceItem> items = new FaceForensicsAdapter("c23").list(root);
        assertEquals(6, items.size());
        SourceItem fake = items.stream()
                .filter(i -> i.videoId().equals("Deepfakes/003_000"))
                .findFirst()
                .orElseThrow();
        assertEquals(Label.FAKE, fake.label());
        assertEquals("003", fake.identity());
        assertEquals(Split.TRAIN, fake.split());
        assertEquals("003", fake.original(), "003_000 is a manipulation of real video 003");
        assertEquals("Deepfakes", fake.method());
        SourceItem real = items.stream()
                .filter(i -> i.videoId().equals("003"))
                .findFirst()
                .orElseThrow();
        assertEquals(null, real.original());
        assertEquals(
                Split.TEST,
                items.stream()
                        .filter(i -> i.videoId().equals("FaceSwap/010_000"))
                        .findFirst()
                        .orElseThrow()
                        .split());
    }

    @Test
    void faceForensicsWithoutSplitFilesNamesTheMissingFile() throws IOException {
        touch("original_sequences/youtube/c23/videos/000.mp4");
        IOException e = assertThrows(IOException.class, () -> new FaceForensicsAdapter("c23").list(root));
        assertTrue(e.getMessage().contains(root.resolve("splits/train.json").toString()), e.getMessage());
    }

    @Test
    void celebDfTestListDecidesTheTestSplitAndItsLabelsAreChecked() throws IOException {
        touch(
                "Celeb-real/id0_0000.mp4",
                "Celeb-real/id1_0001.mp4",
                "YouTube-real/00001.mp4",
                "Celeb-synthesis/id0_id1_0000.mp4");
        Files.writeString(
                root.resolve(CelebDfAdapter.TEST_LIST),
                "1 YouTube-real/00001.mp4\n0 Celeb-synthesis/id0_id1_0000.mp4\n");
        List<SourceItem> items = new CelebDfAdapter().list(root);
        assertEquals(4, items.size());
        SourceItem synth = items.get(3);
        assertEquals(Label.FAKE, synth.label());
        assertEquals(Split.TEST, synth.split());
        assertEquals("id0", synth.identity());
        assertEquals("Celeb-real/id0_0000", synth.original(), "id0_id1_0000 is made from id0's video 0000");
        assertEquals("Celeb-synthesis", synth.method());
        assertEquals("Celeb-real/id0_0000", items.get(0).videoId(), "and that is the real video's id");
        assertTrue(items.get(0).split() != Split.TEST);

        Files.writeString(
                root.resolve(CelebDfAdapter.TEST_LIST),
                "1 YouTube-real/00001.mp4\n1 Celeb-synthesis/id0_id1_0000.mp4\n");
        IOException e = assertThrows(IOException.class, () -> new CelebDfAdapter().list(root));
        assertTrue(e.getMessage().contains("Celeb-synthesis/id0_id1_0000.mp4"), e.getMessage());
    }
}
