package dev.prodet.serve.internal.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.image.Orientation;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/** An opened MP4 or WebM container in memory and its best video stream. */
final class Demuxer implements AutoCloseable {
    private static final int IO_BUFFER = 1 << 15;
    // FFmpeg's demuxer names, matched against the container's own (mov,mp4,... and matroska,webm)
    private static final String FORMATS = "mov,mp4,matroska,webm";

    private final ByteSource source;
    private final VideoFormat format;
    private AVIOContext avio;
    private AVFormatContext ctx;
    private int stream = -1;

    private Demuxer(byte[] bytes, VideoFormat format) {
        this.source = new ByteSource(bytes);
        this.format = format;
    }

    static Demuxer open(byte[] bytes, VideoFormat format) throws ApiException {
        Demuxer d = new Demuxer(bytes, format);
        try {
            d.open();
            return d;
        } catch (ApiException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private void open() throws ApiException {
        avio = avio_alloc_context(
                new BytePointer(av_malloc(IO_BUFFER)),
                IO_BUFFER,
                0,
                source.opaque(),
                ByteSource.READ,
                null,
                ByteSource.SEEK);
        ctx = avformat_alloc_context();
        ctx.pb(avio);
        ctx.max_streams(16);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "format_whitelist", FORMATS, 0);
        int ret = avformat_open_input(ctx, (String) null, av_find_input_format(format.demuxer()), options);
        av_dict_free(options);
        if (ret < 0) {
            ctx = null; // freed by FFmpeg on failure
            throw corrupt("the " + format + " container cannot be read");
        }
        if (avformat_find_stream_info(ctx, (PointerPointer<?>) null) < 0) {
            throw corrupt("the " + format + " container's streams cannot be read");
        }
        stream = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (stream < 0) {
            throw ApiException.badRequest("no-video-stream", "the " + format + " file has no video stream");
        }
        int codec = parameters().codec_id();
        if (!VideoDecoder.CODECS.contains(codec)) {
            throw new ApiException(
                    415,
                    "unsupported-codec",
                    "the video is coded with " + avcodec_get_name(codec).getString()
                            + "; accepted are H.264, H.265, VP8, VP9, AV1 and MPEG-4 Part 2");
        }
    }

    /** The video stream's parameters. */
    AVCodecParameters parameters() {
        return videoStream().codecpar();
    }

    int streamIndex() {
        return stream;
    }

    /** Time unit of the video stream's timestamps. */
    AVRational timeBase() {
        return videoStream().time_base();
    }

    private AVStream videoStream() {
        return ctx.streams(stream);
    }

    /** Size, duration (−1 when the container does not say), codec. */
    VideoDecoder.Info info() {
        AVCodecParameters p = parameters();
        double seconds = -1;
        if (ctx.duration() != AV_NOPTS_VALUE && ctx.duration() > 0) {
            seconds = ctx.duration() / (double) AV_TIME_BASE;
        } else if (videoStream().duration() != AV_NOPTS_VALUE && videoStream().duration() > 0) {
            seconds = videoStream().duration() * av_q2d(videoStream().time_base());
        }
        return new VideoDecoder.Info(
                p.width(),
                p.height(),
                0,
                seconds,
                avcodec_get_name(p.codec_id()).getString());
    }

    /** The EXIF-style orientation that shows the frames upright (from the stream's display matrix). */
    int orientation() {
        AVCodecParameters p = parameters();
        AVPacketSideData sd =
                av_packet_side_data_get(p.coded_side_data(), p.nb_coded_side_data(), avcodec.AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < 36) {
            return Orientation.NORMAL;
        }
        double degrees = -av_display_rotation_get(new IntPointer(sd.data())); // clockwise turn that shows it upright
        int quarter = (int) Math.round(((degrees % 360) + 360) % 360 / 90.0) % 4;
        return switch (quarter) {
            case 1 -> 6;
            case 2 -> 3;
            case 3 -> 8;
            default -> Orientation.NORMAL;
        };
    }

    /** Video packets up to {@code limit} (demuxing only, nothing is decoded). */
    int countVideoPackets(int limit, long deadlineNanos) throws ApiException {
        AVPacket pkt = avcodec.av_packet_alloc();
        try {
            int n = 0;
            while (n < limit && av_read_frame(ctx, pkt) >= 0) {
                if (pkt.stream_index() == stream) {
                    n++;
                }
                av_packet_unref(pkt);
                if ((n & 255) == 0) {
                    FrameDecoder.checkDeadline(deadlineNanos);
                }
            }
            return n;
        } finally {
            avcodec.av_packet_free(pkt);
        }
    }

    /** Reads the next packet of any stream into {@code pkt}; false at the end. */
    boolean read(AVPacket pkt) {
        return av_read_frame(ctx, pkt) >= 0;
    }

    @Override
    public void close() {
        if (ctx != null) {
            avformat_close_input(ctx);
            ctx = null;
        }
        if (avio != null) {
            av_free(avio.buffer()); // FFmpeg may have replaced the buffer it was given
            avio_context_free(avio);
            avio = null;
        }
        source.close();
    }

    private static ApiException corrupt(String message) {
        return ApiException.badRequest("corrupt-video", message);
    }
}
