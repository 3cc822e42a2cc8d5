package dev.prodet.serve.internal.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Small test videos made with JavaCV's recorder: MP4 (MPEG-4 Part 2) and WebM (VP8). */
public final class Videos {
    private Videos() {}

    /** An MP4 of {@code frames} frames at {@code fps}, frame i drawn by {@code draw}. */
    public static byte[] mp4(int w, int h, int frames, double fps, IntFunction<BufferedImage> draw) {
        return record("mp4", avcodec.AV_CODEC_ID_MPEG4, w, h, frames, fps, draw);
    }

    /** A WebM (VP8) of {@code frames} frames at {@code fps}. */
    public static byte[] webm(int w, int h, int frames, double fps, IntFunction<BufferedImage> draw) {
        return record("webm", avcodec.AV_CODEC_ID_VP8, w, h, frames, fps, draw);
    }

    /** A MOV of Motion-JPEG frames: a codec the runtime does not accept. */
    public static byte[] mjpegMov(int w, int h, int frames) {
        return record("mov", avcodec.AV_CODEC_ID_MJPEG, w, h, frames, 10, Videos::gradient);
    }

    /** Frame i: a gradient shifted by i. */
    public static BufferedImage gradient(int i) {
        return gradient(64, 48, i);
    }

    /** A w×h gradient shifted by i. */
    public static BufferedImage gradient(int w, int h, int i) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((x * 4 + i * 8) & 0xff) << 16 | ((y * 5) & 0xff) << 8 | ((x + y + i) & 0xff));
            }
        }
        return img;
    }

    private static byte[] record(
            String format, int codec, int w, int h, int frames, double fps, IntFunction<BufferedImage> draw) {
        try {
            Path f = Files.createTempFile("prodet-video", "." + format);
            try {
                try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(f.toFile(), w, h, 0);
                        Java2DFrameConverter conv = new Java2DFrameConverter()) {
                    r.setFormat(format);
                    r.setVideoCodec(codec);
                    r.setFrameRate(fps);
                    r.setVideoQuality(4);
                    if (codec == avcodec.AV_CODEC_ID_MJPEG) {
                        r.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P);
                    }
                    r.start();
                    for (int i = 0; i < frames; i++) {
                        r.record(conv.convert(draw.apply(i)));
                    }
                    r.stop();
                }
                return Files.readAllBytes(f);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
