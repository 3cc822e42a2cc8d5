package dev.prodet.spark.internal.scan;

import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FaceBox;
import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.Scorer;
import dev.prodet.data.prepare.MediaFrames;
import dev.prodet.face.FacePreprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Scans one media item where it runs: samples its frames as data preparation does, aligns every face of each frame
 * (largest first, at most {@code maxFaces}), and scores the crops with the model in batches, preprocessed by
 * {@link InputTensors} exactly as evaluation preprocesses them. Never throws: an item that cannot be read or scored
 * becomes one media row with the reason.
 */
public final class MediaScanner {

    private final FacePreprocessor faces;
    private final Scorer scorer;
    private final ModelRef model;
    private final int framesPerVideo;
    private final int batch;
    private final int maxFaces;

    /**
     * @param framesPerVideo frames sampled from a video (a still is one frame)
     * @param batch faces per scorer call
     * @param maxFaces faces scored per frame, largest first
     */
    public MediaScanner(
            FacePreprocessor faces, Scorer scorer, ModelRef model, int framesPerVideo, int batch, int maxFaces) {
        this.faces = faces;
        this.scorer = scorer;
        this.model = model;
        this.framesPerVideo = framesPerVideo;
        this.batch = batch;
        this.maxFaces = maxFaces;
    }

    /** The rows of one item: its faces, its frames, and its media row last. */
    public List<Row> scan(String source) {
        Path file = Path.of(source);
        String type = MediaFrames.isStill(file) ? "image" : "video";
        try {
            if (Files.isDirectory(file)) {
                throw new IOException(file + " is a folder, not an image or video");
            }
            if (!Files.isReadable(file)) {
                throw new IOException(
                        Files.exists(file) ? "cannot read " + file + " (permission denied)" : "no such file: " + file);
            }
            return scanReadable(file, source, type);
        } catch (IOException | RuntimeException e) {
            return List.of(ScanRows.failed(source, type, reason(e), model));
        }
    }

    private List<Row> scanReadable(Path file, String source, String type) throws IOException {
        Preprocessing prep = scorer.preprocessing();
        if (!prep.facePreprocessor().equals(faces.info())) {
            throw new IllegalStateException("the model was trained on crops from " + prep.facePreprocessor()
                    + " but this face pipeline makes " + faces.info());
        }
        Batches batches = new Batches(prep);
        List<int[]> frameList = new ArrayList<>(); // frameIndex, sample, first face, face count
        List<ScanRows.Face> found = new ArrayList<>();
        MediaFrames.sample(file, framesPerVideo, (frameIndex, sample, image) -> {
            List<AlignedFace> aligned = faces.alignAll(image);
            int n = Math.min(aligned.size(), maxFaces);
            frameList.add(new int[] {frameIndex, sample, found.size(), n});
            for (int i = 0; i < n; i++) {
                FaceBox b = aligned.get(i).sourceBox();
                found.add(new ScanRows.Face(frameIndex, sample, i, b.x(), b.y(), b.width(), b.height(), Float.NaN));
                batches.add(aligned.get(i), found.size() - 1);
            }
        });
        float[] scores = batches.finish(found.size());
        List<Row> rows = new ArrayList<>(found.size() + frameList.size() + 1);
        double sum = 0;
        int scoredFrames = 0;
        for (int[] fr : frameList) {
            Double frameScore = null;
            for (int i = fr[2]; i < fr[2] + fr[3]; i++) {
                ScanRows.Face f = found.get(i);
                ScanRows.Face scored = new ScanRows.Face(
                        f.frameIndex(), f.sample(), f.faceIndex(), f.x(), f.y(), f.width(), f.height(), scores[i]);
                rows.add(ScanRows.face(source, type, scored, model));
                frameScore = frameScore == null ? scores[i] : Math.max(frameScore, scores[i]);
            }
            rows.add(ScanRows.frame(source, type, fr[0], fr[1], fr[3], frameScore, model));
            if (frameScore != null) {
                sum += frameScore;
                scoredFrames++;
            }
        }
        Double mediaScore = scoredFrames == 0 ? null : sum / scoredFrames;
        rows.add(ScanRows.media(source, type, frameList.size(), found.size(), mediaScore, model));
        return rows;
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Fills input batches as faces arrive and scores each when it is full, so crops are not all held. */
    private final class Batches {
        private final Preprocessing prep;
        private final int per;
        private final float[] input;
        private final int[] slots;
        private float[] scores = new float[16];
        private int count;

        Batches(Preprocessing prep) {
            this.prep = prep;
            this.per = InputTensors.size(prep);
            this.input = new float[batch * per];
            this.slots = new int[batch];
        }

        void add(AlignedFace face, int slot) {
            InputTensors.fill(face.image(), prep, input, count * per);
            slots[count++] = slot;
            if (count == batch) {
                flush();
            }
        }

        float[] finish(int total) {
            if (count > 0) {
                flush();
            }
            return java.util.Arrays.copyOf(scores, total);
        }

        private void flush() {
            float[] p = scorer.score(input, count);
            if (p.length != count) {
                throw new IllegalStateException("the scorer returned " + p.length + " scores for " + count + " faces");
            }
            for (int i = 0; i < count; i++) {
                if (!Float.isFinite(p[i])) {
                    throw new IllegalStateException("the model returned " + p[i] + " for a face");
                }
                if (slots[i] >= scores.length) {
                    scores = java.util.Arrays.copyOf(scores, Math.max(scores.length * 2, slots[i] + 1));
                }
                scores[slots[i]] = p[i];
            }
            count = 0;
        }
    }
}
