package dev.prodet.serve.internal.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.prodet.api.face.RgbImage;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.image.Orientation;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decodes the video stream of a {@link Demuxer} on one thread and converts the wanted frames to RGB at reduced size
 * (area averaging). A packet the decoder rejects makes the video corrupt; frames larger than the limit (a stream may
 * change size) are refused.
 */
final class FrameDecoder implements AutoCloseable {
    /** AVERROR(EAGAIN) on Linux, the platform the natives ship for: the decoder wants more input. */
    private static final int EAGAIN = -11;

    private final Demuxer demuxer;
    private final long maxPixels;
    private final long decodePixels;
    private final int orientation;
    private AVCodecContext ctx;
    private AVPacket pkt;
    private AVFrame frame;
    private SwsContext sws;
    private BytePointer rgb;
    private int index;

    FrameDecoder(Demuxer demuxer, long maxPixels, long decodePixels) throws ApiException {
        this.demuxer = demuxer;
        this.maxPixels = maxPixels;
        this.decodePixels = decodePixels;
        this.orientation = demuxer.orientation();
        try {
            open();
        } catch (ApiException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws ApiException {
        AVCodec codec = avcodec_find_decoder(demuxer.parameters().codec_id());
        if (codec == null || codec.isNull()) {
            throw new ApiException(415, "unsupported-codec", "this runtime has no decoder for the video's codec");
        }
        ctx = avcodec_alloc_context3(codec);
        pkt = av_packet_alloc();
        frame = av_frame_alloc();
        if (avcodec_parameters_to_context(ctx, demuxer.parameters()) < 0) {
            throw corrupt("the video's codec parameters are invalid");
        }
        ctx.thread_count(1); // one worker, one core: concurrency comes from the worker pool
        ctx.max_pixels(maxPixels);
        if (avcodec_open2(ctx, codec, (AVDictionary) null) < 0) {
            throw corrupt("the video's decoder cannot be opened with its parameters");
        }
    }

    /**
     * Decodes up to the last wanted frame and hands each wanted one to the sink.
     *
     * @return the number of frames handed over
     */
    int decode(int[] wanted, long deadlineNanos, VideoDecoder.FrameSink sink) throws ApiException {
        int[] next = {0};
        while (next[0] < wanted.length && demuxer.read(pkt)) {
            try {
                if (pkt.stream_index() == demuxer.streamIndex()) {
                    int r = avcodec_send_packet(ctx, pkt);
                    if (r < 0 && r != EAGAIN && r != AVERROR_EOF) {
                        throw corrupt("the video cannot be decoded after frame " + index);
                    }
                    drain(wanted, next, sink);
                    checkDeadline(deadlineNanos);
                }
            } finally {
                av_packet_unref(pkt);
            }
        }
        if (next[0] < wanted.length) {
            avcodec_send_packet(ctx, null); // flush the frames the decoder still holds
            drain(wanted, next, sink);
        }
        return next[0];
    }

    private void drain(int[] wanted, int[] next, VideoDecoder.FrameSink sink) throws ApiException {
        while (next[0] < wanted.length) {
            int r = avcodec_receive_frame(ctx, frame);
            if (r == EAGAIN || r == AVERROR_EOF) {
                return;
            }
            if (r < 0) {
                throw corrupt("the video cannot be decoded at frame " + index);
            }
            try {
                if (index == wanted[next[0]]) {
                    double seconds = frame.best_effort_timestamp() * av_q2d(demuxer.timeBase());
                    sink.accept(index, Math.max(0, seconds), Orientation.apply(toRgb(), orientation));
                    next[0]++;
                }
                index++;
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    private RgbImage toRgb() throws ApiException {
        int w = frame.width();
        int h = frame.height();
        if (w < 1 || h < 1 || (long) w * h > maxPixels) {
            throw new ApiException(
                    413, "video-too-large", "frame " + index + " of the video is " + w + "x" + h + " pixels");
        }
        double s = decodePixels == 0 ? 1 : Math.min(1, Math.sqrt((double) decodePixels / ((long) w * h)));
        int ow = Math.max(1, (int) Math.round(w * s));
        int oh = Math.max(1, (int) Math.round(h * s));
        sws = sws_getCachedContext(
                sws, w, h, frame.format(), ow, oh, AV_PIX_FMT_RGB24, SWS_AREA, null, null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw corrupt("frame " + index + " has a pixel format that cannot be converted");
        }
        long size = (long) ow * oh * 3;
        if (rgb == null || rgb.capacity() < size) {
            if (rgb != null) {
                rgb.close();
            }
            rgb = new BytePointer(size);
        }
        try (PointerPointer<?> dst = new PointerPointer<>(1).put(0, rgb);
                IntPointer stride = new IntPointer(1).put(0, ow * 3)) {
            sws_scale(sws, frame.data(), frame.linesize(), 0, h, dst, stride);
        }
        byte[] px = new byte[(int) size];
        rgb.position(0).get(px);
        return new RgbImage(ow, oh, px);
    }

    static void checkDeadline(long deadlineNanos) throws ApiException {
        if (System.nanoTime() > deadlineNanos) {
            throw ApiException.busy(
                    503, "timeout", "decoding the video took longer than this server's request timeout", 1);
        }
    }

    private static ApiException corrupt(String message) {
        return ApiException.badRequest("corrupt-video", message);
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
        }
        if (rgb != null) {
            rgb.close();
        }
        if (frame != null) {
            av_frame_free(frame);
        }
        if (pkt != null) {
            av_packet_free(pkt);
        }
        if (ctx != null) {
            avcodec_free_context(ctx);
        }
    }
}
