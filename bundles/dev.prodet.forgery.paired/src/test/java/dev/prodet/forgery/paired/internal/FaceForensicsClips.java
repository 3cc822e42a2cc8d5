package dev.prodet.forgery.paired.internal;

import dev.prodet.api.face.RgbImage;
import dev.prodet.data.internal.video.FrameSampler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Writes small clips in FaceForensics++ layout: real videos from frames of the fetched talking-head videos, and
 * "manipulated" videos made frame by frame from a real one (red and blue swapped), so frame k of a manipulated
 * video shows the same moment as frame k of its real video, as in FF++.
 */
final class FaceForensicsClips {
    private FaceForensicsClips() {}

    /** {@code n} evenly spaced frames of a video. */
    static List<RgbImage> frames(Path video, int n) throws IOException {
        List<RgbImage> out = new ArrayList<>();
        FrameSampler.sample(video, n, (frame, sample, image) -> out.add(image));
        return out;
    }

    /** The frame with red and blue swapped: a visible, face-preserving "manipulation". */
    static RgbImage swapRedBlue(RgbImage img) {
        byte[] p = img.rgb();
        for (int i = 0; i < p.length; i += 3) {
            byte r = p[i];
            p[i] = p[i + 2];
            p[i + 2] = r;
        }
        return new RgbImage(img.width(), img.height(), p);
    }

    /** Writes {@code frames} as an MPEG-4 video at 25 fps. */
    static void write(Path file, List<RgbImage> frames) throws IOException {
        Files.createDirectories(file.getParent());
        int w = frames.get(0).width();
        int h = frames.get(0).height();
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), w, h)) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(25);
            rec.setVideoQuality(2); // qscale 2: near-lossless, so crops of the same moment stay comparable
            rec.start();
            for (RgbImage img : frames) {
                try (Frame f = new Frame(w, h, Frame.DEPTH_UBYTE, 3)) {
                    ByteBuffer buf = (ByteBuffer) f.image[0];
                    byte[] rgb = img.rgb();
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            int s = 3 * (y * w + x);
                            int d = y * f.imageStride + 3 * x;
                            buf.put(d, rgb[s + 2]).put(d + 1, rgb[s + 1]).put(d + 2, rgb[s]); // BGR
                        }
                    }
                    rec.record(f);
                }
            }
            rec.stop();
        }
    }
}
