package dev.prodet.data.internal.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;

import dev.prodet.api.data.FrameIndices;
import dev.prodet.api.face.RgbImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Samples N evenly spaced frames of a video. The frame count comes from the container (as OpenCV's
 * {@code CAP_PROP_FRAME_COUNT} in DeepfakeBench); frames are decoded in one sequential pass, and only the wanted
 * ones are converted to RGB. A video that ends early yields fewer frames, never an error; one that cannot be
 * opened or decoded at all is reported with its path.
 */
public final class FrameSampler {

    /** Receives each sampled frame. */
    @FunctionalInterface
    public interface FrameSink {
        /**
         * @param frameIndex index of the frame in the video
         * @param sampleIndex index among the sampled frames (0..n−1)
         * @param frame the frame, RGB
         */
        void accept(int frameIndex, int sampleIndex, RgbImage frame) throws IOException;
    }

    static {
        avutil.av_log_set_level(AV_LOG_ERROR); // FFmpeg's info lines would drown the progress output
    }

    private FrameSampler() {}

    /**
     * Decodes the video and hands the sampled frames to {@code sink} in order.
     *
     * @param video the file
     * @param n frames wanted
     * @return the number of frames in the video as the container reports it
     * @throws IOException when the file is missing, not a video, or cannot be decoded; the message names it
     */
    public static int sample(Path video, int n, FrameSink sink) throws IOException {
        if (!Files.isRegularFile(video)) {
            throw new IOException("video not found: " + video);
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_RGB24);
            try {
                grabber.start();
            } catch (FFmpegFrameGrabber.Exception e) {
                throw new IOException(
                        "cannot open video " + video + " (not a video, or corrupt): " + e.getMessage(), e);
            }
            if (!grabber.hasVideo()) {
                throw new IOException("no video stream in " + video);
            }
            int count = grabber.getLengthInVideoFrames();
            if (count < 1) {
                throw new IOException("video " + video + " reports no frames");
            }
            int[] wanted = FrameIndices.evenlySpaced(count, n);
            int next = 0;
            for (int index = 0; next < wanted.length; index++) {
                boolean keep = index == wanted[next];
                Frame f;
                try {
                    f = grabber.grabFrame(false, true, keep, false, false); // convert only the frames kept
                } catch (FFmpegFrameGrabber.Exception e) {
                    throw new IOException("cannot decode frame " + index + " of " + video + ": " + e.getMessage(), e);
                }
                if (f == null) {
                    break; // the container over-reported its length
                }
                if (keep) {
                    sink.accept(index, next, toImage(f, video, index));
                    next++;
                }
            }
            if (next == 0) {
                throw new IOException("no frame of " + video + " could be decoded");
            }
            return count;
        }
    }

    private static RgbImage toImage(Frame f, Path video, int index) throws IOException {
        if (f.image == null || f.imageChannels != 3) {
            throw new IOException("frame " + index + " of " + video + " is not an RGB image");
        }
        int w = f.imageWidth;
        int h = f.imageHeight;
        ByteBuffer src = (ByteBuffer) f.image[0];
        int stride = f.imageStride; // bytes per row, may include padding
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            src.position(y * stride);
            src.get(px, y * w * 3, w * 3);
        }
        return new RgbImage(w, h, px);
    }
}
