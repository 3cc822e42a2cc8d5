package dev.prodet.data.internal.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.ManipulationPairs;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import dev.prodet.data.internal.manifest.DatasetFiles;
import dev.prodet.data.internal.manifest.FrameEntry;
import dev.prodet.data.internal.manifest.Manifest;
import dev.prodet.data.internal.manifest.ManifestIo;
import dev.prodet.data.internal.manifest.VideoEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairing recorded in a manifest, as the dataset offers it; manifests without pairing have none. */
class ManipulationPairsTest {
    @TempDir
    Path dir;

    private VideoEntry video(String id, String label, String original, String method, int... samples)
            throws IOException {
        List<FrameEntry> frames = new ArrayList<>();
        for (int s : samples) {
            String base = "crops/train/" + id + "/" + s;
            byte[] px = new byte[8 * 8 * 3];
            java.util.Arrays.fill(px, (byte) (id.hashCode() + s));
            DatasetFiles.writePng(dir.resolve(base + ".png"), new RgbImage(8, 8, px));
            DatasetFiles.writeNpy(dir.resolve(base + ".npy"), Landmarks.of(new float[2 * 68]));
            frames.add(new FrameEntry(s, 10 * s, base + ".png", "-", base + ".npy", "-"));
        }
        return new VideoEntry(
                id + ".mp4", 1, 1, id, "p" + id, label, "train", 100, samples.length, 0, frames, original, method);
    }

    private void manifest(VideoEntry... videos) throws IOException {
        ManifestIo.write(dir, new Manifest(Manifest.FORMAT, "ffpp", "/src", "pre", "1", 32, List.of(videos)));
    }

    @Test
    void realFramesFindTheSameSampleOfEachManipulatedVideo() throws IOException {
        manifest(
                video("000", "real", null, null, 0, 1, 2),
                video("Deepfakes/000_003", "fake", "000", "Deepfakes", 0, 2), // sample 1 dropped: no face
                video("FaceSwap/000_003", "fake", "000", "FaceSwap", 0, 1, 2));
        ManifestDataset ds = ManifestDataset.open(dir);
        ManipulationPairs pairs = ds.manipulationPairs();
        assertEquals(Set.of("Deepfakes", "FaceSwap"), pairs.methods());
        List<FaceSample> real = ds.samples(Split.TRAIN).stream()
                .filter(s -> s.videoId().equals("000"))
                .toList();
        List<FaceSample> df = pairs.manipulated(real.get(2), "Deepfakes");
        assertEquals(1, df.size());
        assertEquals("Deepfakes/000_003", df.get(0).videoId());
        assertEquals(2, df.get(0).frameIndex());
        assertTrue(pairs.manipulated(real.get(1), "Deepfakes").isEmpty(), "the dropped frame has no pair");
        assertEquals(1, pairs.manipulated(real.get(1), "FaceSwap").size());
        assertTrue(pairs.manipulated(df.get(0), "Deepfakes").isEmpty(), "a fake frame pairs nothing");
    }

    @Test
    void aManifestWrittenBeforePairingHasNone() throws IOException {
        manifest(video("000", "real", null, null, 0));
        String json = Files.readString(dir.resolve(Manifest.FILE));
        assertTrue(!json.contains("original") && !json.contains("method"), "absent fields are not written");
        assertSame(ManipulationPairs.NONE, ManifestDataset.open(dir).manipulationPairs());
    }
}
