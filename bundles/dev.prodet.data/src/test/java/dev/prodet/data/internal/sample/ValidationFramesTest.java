package dev.prodet.data.internal.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.SampleInfo;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import dev.prodet.data.internal.dataset.ManifestDataset;
import dev.prodet.data.internal.manifest.DatasetFiles;
import dev.prodet.data.internal.manifest.FrameEntry;
import dev.prodet.data.internal.manifest.Manifest;
import dev.prodet.data.internal.manifest.ManifestIo;
import dev.prodet.data.internal.manifest.VideoEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationFramesTest {
    @TempDir
    Path dir;

    @Test
    void theLastSixthOfEachTrainingVideoIsValidationAndNothingOfTheTestSplit() throws IOException {
        Manifest m = ValidationFrames.mark(manifest(), ValidationFrames.FRACTION);
        ManifestIo.write(dir, m);
        ManifestDataset ds = ManifestDataset.open(dir);
        List<FaceSample> val = ds.samples(Split.VAL);
        assertEquals(2 + 2, val.size(), "2 of 12 frames of each of the two training videos");
        Set<String> videos = new HashSet<>();
        for (FaceSample s : val) {
            videos.add(s.videoId());
            assertTrue(s.frameIndex() >= 10, "the end of the video: " + s.relativePath());
        }
        assertEquals(Set.of("a", "b"), videos, "validation comes from training videos only");
        assertEquals(2 * 10, ds.size(Split.TRAIN));
        assertEquals(12 + 1, ds.size(Split.TEST), "the test video and the still are untouched");
        for (FaceSample s : ds.samples(Split.TRAIN)) {
            assertTrue(s.frameIndex() < 10, s.relativePath());
        }
        assertEquals(m, ValidationFrames.mark(m, ValidationFrames.FRACTION), "idempotent: a second run writes nothing");
        String json = Files.readString(dir.resolve(Manifest.FILE));
        assertEquals(
                4, json.split("\"split\" : \"val\"").length - 1, "only the moved frames carry a split of their own");
    }

    @Test
    void theIndexDescribesTheSamplesWithoutTheirPixels() throws IOException {
        ManifestIo.write(dir, ValidationFrames.mark(manifest(), ValidationFrames.FRACTION));
        ManifestDataset ds = ManifestDataset.open(dir);
        for (Split split : Split.values()) {
            List<SampleInfo> index = ds.index(split);
            List<FaceSample> samples = ds.samples(split);
            assertEquals(samples.size(), index.size());
            for (int i = 0; i < index.size(); i++) {
                assertEquals(SampleInfo.of(samples.get(i)), index.get(i), split + " " + i);
            }
        }
        // the index needs the landmark files only
        for (FaceSample s : ds.samples(Split.TRAIN)) {
            Files.delete(dir.resolve(s.relativePath()));
        }
        assertEquals(20, ds.index(Split.TRAIN).size());
        assertFalse(Files.exists(dir.resolve(ds.index(Split.TRAIN).get(0).relativePath())));
    }

    private Manifest manifest() throws IOException {
        return new Manifest(
                Manifest.FORMAT,
                "sample",
                "/assets",
                "pre",
                "1.0.0",
                12,
                List.of(
                        video("a", "train", 12),
                        video("b", "train", 12),
                        video("c", "test", 12),
                        video("still", "test", 1)));
    }

    private VideoEntry video(String id, String split, int n) throws IOException {
        List<FrameEntry> frames = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            String stem = "crops/" + split + "/" + id + "/" + f;
            DatasetFiles.writePng(dir.resolve(stem + ".png"), new RgbImage(4, 4, new byte[48]));
            DatasetFiles.writeNpy(dir.resolve(stem + ".npy"), Landmarks.of(f, 1, 2, 3));
            frames.add(new FrameEntry(f, f * 10, stem + ".png", "x", stem + ".npy", "y"));
        }
        return new VideoEntry(id + ".mp4", 1, 1, id, "p-" + id, "real", split, n * 10, n, 0, frames);
    }
}
