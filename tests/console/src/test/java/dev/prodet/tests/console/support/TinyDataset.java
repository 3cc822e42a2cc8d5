package dev.prodet.tests.console.support;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.io.Sha256;
import dev.prodet.data.internal.manifest.DatasetFiles;
import dev.prodet.data.internal.manifest.FrameEntry;
import dev.prodet.data.internal.manifest.Manifest;
import dev.prodet.data.internal.manifest.ManifestIo;
import dev.prodet.data.internal.manifest.VideoEntry;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prepared dataset folder (manifest.json, aligned crops, landmark files) of drawn faces with iBUG-68 landmarks,
 * written with the data bundle's own file formats, so the training runtime reads it like one made by
 * {@code ./prodet data prepare}, without face models or video decoding.
 */
public final class TinyDataset {
    private TinyDataset() {}

    /** Writes {@code videos} × {@code frames} training faces to {@code dir}. */
    public static void write(Path dir, int videos, int frames) throws IOException {
        Map<String, List<FrameEntry>> byVideo = new LinkedHashMap<>();
        Map<String, String> identities = new LinkedHashMap<>();
        for (FaceSample s : SyntheticFaces.pool(videos, frames)) {
            String crop = "crops/" + s.videoId() + "/" + s.frameIndex() + ".png";
            String marks = "crops/" + s.videoId() + "/" + s.frameIndex() + ".npy";
            DatasetFiles.writePng(dir.resolve(crop), s.face().image());
            DatasetFiles.writeNpy(dir.resolve(marks), s.face().landmarks());
            identities.put(s.videoId(), s.identity());
            byVideo.computeIfAbsent(s.videoId(), k -> new ArrayList<>())
                    .add(new FrameEntry(
                            s.frameIndex(),
                            s.frameIndex(),
                            crop,
                            Sha256.of(dir.resolve(crop)),
                            marks,
                            Sha256.of(dir.resolve(marks))));
        }
        List<VideoEntry> entries = new ArrayList<>();
        for (Map.Entry<String, List<FrameEntry>> e : byVideo.entrySet()) {
            entries.add(new VideoEntry(
                    e.getKey() + ".mp4",
                    0,
                    0,
                    e.getKey(),
                    identities.get(e.getKey()),
                    "real",
                    "train",
                    frames,
                    frames,
                    0,
                    e.getValue()));
        }
        ManifestIo.write(
                dir, new Manifest(Manifest.FORMAT, "tiny", "drawn", "synthetic-test-faces", "1.0.0", frames, entries));
    }
}
