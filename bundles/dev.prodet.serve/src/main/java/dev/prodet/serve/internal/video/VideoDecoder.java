package dev.prodet.serve.internal.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;

import dev.prodet.api.data.FrameIndices;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.image.ImageLimits;
import dev.prodet.serve.internal.load.MemoryBudget;
import java.util.Set;

/**
 * Samples frames of an MP4 or WebM video held in memory, evenly over its length as data preparation does
 * ({@link FrameIndices}), with FFmpeg's libraries called directly (no device or filter libraries, so nothing beyond
 * the bundled natives is needed). Bounded like images: the demuxer is forced to the container's own, the codec must
 * be one of the usual camera and web codecs, frames may not exceed {@code maxVideoPixels}, the video not
 * {@code maxVideoSeconds} (by its container and by its packets, counted before decoding), the decoder runs on one
 * thread, its memory is reserved from the budget, and sampled frames are scaled to {@code decodePixels}.
 */
public final class VideoDecoder {
    /** Receives each sampled frame, upright, in order. */
    public interface FrameSink {
        /**
         * @param frameIndex index of the frame in the video
         * @param seconds its time from the start of the video
         * @param frame the frame, RGB, scaled to at most {@code decodePixels}
         */
        void accept(int frameIndex, double seconds, RgbImage frame) throws ApiException;
    }

    /**
     * What the video is.
     *
     * @param width frame width
     * @param height frame height
     * @param frames frames in the video (its packets)
     * @param seconds duration
     * @param codec the codec's FFmpeg name
     */
    public record Info(int width, int height, int frames, double seconds, String codec) {}

    /** Bytes per pixel a decoder holds: up to 16 reference frames of 4:2:0 (1.5 bytes) plus the one being built. */
    static final long DECODER_BYTES_PER_PIXEL = 28;
    /** Highest frame rate believed when checking the length by packets. */
    static final int MAX_FPS = 240;

    static final Set<Integer> CODECS = Set.of(
            AV_CODEC_ID_H264, AV_CODEC_ID_HEVC, AV_CODEC_ID_VP8, AV_CODEC_ID_VP9, AV_CODEC_ID_AV1, AV_CODEC_ID_MPEG4);

    private final VideoLimits limits;
    private final ImageLimits imageLimits;

    /**
     * @param limits video limits
     * @param imageLimits {@code decodePixels} sets the size of the frames handed out
     */
    public VideoDecoder(VideoLimits limits, ImageLimits imageLimits) {
        this.limits = limits;
        this.imageLimits = imageLimits;
    }

    /** The limits in force. */
    public VideoLimits limits() {
        return limits;
    }

    /**
     * Decodes the video and hands {@code frames} evenly spaced frames to {@code sink}.
     *
     * @param memory the request's reservation; grows by what the decoder holds
     * @param deadlineNanos {@link System#nanoTime()} by which decoding must end
     * @throws ApiException 400 for a corrupt, empty or over-long video, 413 for frames too large, 415 for a codec
     *     that is not accepted, 503 when the memory budget cannot hold the decoder now or the deadline passes
     */
    public Info sample(
            byte[] bytes,
            VideoFormat format,
            int frames,
            MemoryBudget.Reservation memory,
            long deadlineNanos,
            FrameSink sink)
            throws ApiException {
        FfmpegLibraries.require();
        int packets;
        Info info;
        try (Demuxer probe = Demuxer.open(bytes, format)) {
            info = probe.info();
            check(info);
            // the packets are counted before decoding: a container may understate its duration
            double seconds = info.seconds() > 0 ? Math.min(info.seconds(), limits.maxSeconds()) : limits.maxSeconds();
            int most = (int) Math.ceil(Math.max(1, seconds)) * MAX_FPS;
            packets = probe.countVideoPackets(most + 1, deadlineNanos);
            if (packets > most) {
                throw tooLong("longer than " + (info.seconds() > 0 ? "its container declares" : "allowed")
                        + " (more than " + most + " frames)");
            }
        }
        if (packets < 1) {
            throw ApiException.badRequest("empty-video", "the " + format + " video has no frames");
        }
        long scaled = Math.min((long) info.width() * info.height(), Math.max(1, imageLimits.decodePixels()));
        memory.grow(
                (long) info.width() * info.height() * DECODER_BYTES_PER_PIXEL + scaled * 3 * 3,
                "decoding the " + info.width() + "x" + info.height() + " video");
        int[] wanted = FrameIndices.evenlySpaced(packets, frames);
        try (Demuxer demuxer = Demuxer.open(bytes, format);
                FrameDecoder decoder = new FrameDecoder(demuxer, limits.maxPixels(), imageLimits.decodePixels())) {
            int seen = decoder.decode(wanted, deadlineNanos, sink);
            if (seen == 0) {
                throw ApiException.badRequest("corrupt-video", "no frame of the " + format + " video could be decoded");
            }
        }
        return new Info(info.width(), info.height(), packets, info.seconds(), info.codec());
    }

    private void check(Info info) throws ApiException {
        if (info.width() < 1 || info.height() < 1) {
            throw ApiException.badRequest(
                    "corrupt-video", "the video declares " + info.width() + "x" + info.height() + " frames");
        }
        if ((long) info.width() * info.height() > limits.maxPixels()) {
            throw new ApiException(
                    413,
                    "video-too-large",
                    "the video's frames are " + info.width() + "x" + info.height() + "; the limit is "
                            + limits.maxPixels() + " pixels per frame");
        }
        if (info.seconds() > limits.maxSeconds()) {
            throw tooLong(String.format(java.util.Locale.ROOT, "%.1f s", info.seconds()));
        }
    }

    private ApiException tooLong(String what) {
        return ApiException.badRequest(
                "video-too-long",
                "the video is " + what + "; this server scores videos of at most " + limits.maxSeconds() + " s");
    }
}
