package dev.prodet.spark.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanInputsTest {

    @Test
    void aFolderGivesItsImagesAndVideosInPathOrder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b"));
        for (String f : List.of("b/clip.MP4", "a.jpg", "notes.txt", "b/face.png", "c.webm")) {
            Files.writeString(dir.resolve(f), "x");
        }
        Map<String, String> items = ScanInputs.list(dir, null);
        assertEquals(
                List.of(
                        dir.resolve("a.jpg").toString(),
                        dir.resolve("b/clip.MP4").toString(),
                        dir.resolve("b/face.png").toString(),
                        dir.resolve("c.webm").toString()),
                List.copyOf(items.keySet()));
        assertTrue(items.values().stream().allMatch(v -> v == null));
    }

    @Test
    void aLinkedFileIsScannedLikeAFile(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("real.jpg"), "x");
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.createSymbolicLink(media.resolve("linked.jpg"), target);
        assertEquals(
                List.of(media.resolve("linked.jpg").toString()),
                List.copyOf(ScanInputs.list(media, null).keySet()));
    }

    @Test
    void aListIsReadRelativeToItsFolderAndMissingEntriesCarryTheReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.mp4"), "x");
        Path list = dir.resolve("items.txt");
        Files.writeString(list, "# archive\nx.mp4\n\n" + dir.resolve("gone.png") + "\n");
        Map<String, String> items = ScanInputs.list(null, list);
        assertEquals(2, items.size());
        assertNull(items.get(dir.resolve("x.mp4").toString()));
        assertTrue(items.get(dir.resolve("gone.png").toString()).contains("no such file"));
    }

    @Test
    void aMissingInputIsOneFailedItem(@TempDir Path dir) throws Exception {
        Map<String, String> items = ScanInputs.list(dir.resolve("nothing-here"), null);
        assertEquals(1, items.size());
        assertTrue(items.values().iterator().next().contains("no such file or folder"));
    }
}
