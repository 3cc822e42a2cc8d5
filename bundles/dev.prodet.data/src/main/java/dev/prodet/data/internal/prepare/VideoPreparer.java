package dev.prodet.data.internal.prepare;

import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.io.Sha256;
import dev.prodet.data.internal.manifest.DatasetFiles;
import dev.prodet.data.internal.manifest.FrameEntry;
import dev.prodet.data.internal.manifest.VideoEntry;
import dev.prodet.data.internal.source.SourceItem;
import dev.prodet.data.prepare.MediaFrames;
import dev.prodet.face.FacePreprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prepares one source: samples its frames (a still is one frame), aligns the largest face of each (every face of a
 * group photo), and writes
 * {@code crops/<split>/<videoId>/<sample>_f<frame>.png} with its {@code .npy} landmarks. Frames without a face are
 * dropped and counted. On failure the files written for this source are removed, so a half-prepared video never
 * looks prepared.
 */
final class VideoPreparer {

    private final FacePreprocessor faces;
    private final Path out;
    private final int framesPerVideo;

    VideoPreparer(FacePreprocessor faces, Path out, int framesPerVideo) {
        this.faces = faces;
        this.out = out;
        this.framesPerVideo = framesPerVideo;
    }

    /** Prepares the source; the returned entry lists the faces kept. */
    VideoEntry prepare(SourceItem item) throws IOException {
        String dir = "crops/" + item.split().id() + "/" + item.videoId();
        Path folder = out.resolve(dir);
        deleteTree(folder); // leftovers of an interrupted run
        List<FrameEntry> frames = new ArrayList<>();
        int[] sampled = {0};
        int framesInVideo;
        try {
            if (item.isStill() && item.allFaces()) { // a group photo: each face is a frame of its own
                framesInVideo = 1;
                List<AlignedFace> all = faces.alignAll(DatasetFiles.readImage(item.file()));
                sampled[0] = all.size();
                for (int k = 0; k < all.size(); k++) {
                    write(all.get(k), k, 0, dir, frames);
                }
            } else {
                framesInVideo = MediaFrames.sample(item.file(), framesPerVideo, (frame, sample, image) -> {
                    sampled[0]++;
                    keep(image, sample, frame, dir, frames);
                });
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
        return new VideoEntry(
                item.relativePath(),
                Files.size(item.file()),
                Files.getLastModifiedTime(item.file()).toMillis(),
                item.videoId(),
                item.identity(),
                item.label().name().toLowerCase(Locale.ROOT),
                item.split().id(),
                framesInVideo,
                sampled[0],
                sampled[0] - frames.size(),
                frames,
                item.original(),
                item.method());
    }

    private void keep(RgbImage image, int sample, int frame, String dir, List<FrameEntry> frames) throws IOException {
        Optional<AlignedFace> face = faces.alignLargest(image);
        if (face.isPresent()) {
            write(face.get(), sample, frame, dir, frames);
        }
    }

    private void write(AlignedFace face, int sample, int frame, String dir, List<FrameEntry> frames)
            throws IOException {
        String base = dir + "/" + String.format("%02d_f%06d", sample, frame);
        Path png = out.resolve(base + ".png");
        Path npy = out.resolve(base + ".npy");
        DatasetFiles.writePng(png, face.image());
        DatasetFiles.writeNpy(npy, face.landmarks());
        frames.add(new FrameEntry(sample, frame, base + ".png", Sha256.of(png), base + ".npy", Sha256.of(npy)));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
