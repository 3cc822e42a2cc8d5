package dev.prodet.data.prepare;

import dev.prodet.api.face.RgbImage;
import dev.prodet.data.internal.manifest.DatasetFiles;
import dev.prodet.data.internal.source.SourceItem;
import dev.prodet.data.internal.video.FrameSampler;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The frames of a media file as data preparation samples them: a still image (png, jpg, jpeg, bmp) is one frame; a
 * video gives {@code n} evenly spaced frames, decoded in one pass (FFmpeg through JavaCV).
 */
public final class MediaFrames {

    /** Receives each sampled frame. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param frameIndex index of the frame in the video (0 for a still)
         * @param sampleIndex index among the sampled frames
         * @param frame the frame, RGB
         */
        void accept(int frameIndex, int sampleIndex, RgbImage frame) throws IOException;
    }

    private MediaFrames() {}

    /** Whether a file is read as a still image (by its extension) rather than as a video. */
    public static boolean isStill(Path file) {
        return SourceItem.isStill(file);
    }

    /**
     * Decodes the file and hands the sampled frames to {@code sink} in order.
     *
     * @param n frames wanted from a video
     * @return frames in the file as its container reports them (1 for a still)
     * @throws IOException when the file is missing, unreadable, not an image or video, or corrupt; the message
     *     names it
     */
    public static int sample(Path file, int n, Sink sink) throws IOException {
        if (isStill(file)) {
            sink.accept(0, 0, DatasetFiles.readImage(file));
            return 1;
        }
        return FrameSampler.sample(file, n, sink::accept);
    }
}
