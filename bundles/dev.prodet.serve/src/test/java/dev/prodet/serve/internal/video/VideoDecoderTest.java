package dev.prodet.serve.internal.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.FrameIndices;
import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.image.ImageLimits;
import dev.prodet.serve.internal.load.MemoryBudget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoDecoderTest {
    final VideoDecoder decoder =
            new VideoDecoder(new VideoLimits(8, 32, 10, 1920 * 1080), new ImageLimits(4096, 1 << 24, 1000, 64));
    final MemoryBudget budget = new MemoryBudget(1L << 30, 1);

    List<int[]> sample(byte[] video, VideoFormat format, int n) throws ApiException {
        List<int[]> got = new ArrayList<>();
        try (MemoryBudget.Reservation r = budget.open()) {
            VideoDecoder.Info info = decoder.sample(video, format, n, r, Long.MAX_VALUE, (i, s, img) -> {
                got.add(new int[] {i, img.width(), img.height(), img.get(0, 0, 0)});
            });
            assertTrue(r.held() > 0, "the decoder's memory was reserved");
            assertEquals(25, info.frames());
        }
        assertEquals(0, budget.used());
        return got;
    }

    @Test
    void framesAreSampledEvenlyAsDataPreparationDoesFromMp4AndWebm() throws Exception {
        for (VideoFormat f : VideoFormat.values()) {
            byte[] v = f == VideoFormat.MP4
                    ? Videos.mp4(64, 48, 25, 25, Videos::gradient)
                    : Videos.webm(64, 48, 25, 25, Videos::gradient);
            assertEquals(f, VideoFormat.of(v));
            List<int[]> got = sample(v, f, 4);
            assertArrayEquals(
                    FrameIndices.evenlySpaced(25, 4),
                    got.stream().mapToInt(g -> g[0]).toArray(),
                    f.name());
            for (int[] g : got) {
                assertTrue(g[1] * g[2] <= 1000, "scaled to decodePixels: " + Arrays.toString(g));
                assertEquals(64.0 / 48, (double) g[1] / g[2], 0.1, "aspect kept");
            }
            // red of the top-left pixel grows with the frame index: the right frames were taken
            assertTrue(got.get(3)[3] > got.get(0)[3] + 100, f + ": " + got.get(0)[3] + " then " + got.get(3)[3]);
        }
    }

    @Test
    void brokenLongAndForeignVideosAreRefusedByName() {
        byte[] mp4 = Videos.mp4(64, 48, 25, 25, Videos::gradient);
        ApiException cut =
                assertThrows(ApiException.class, () -> sample(Arrays.copyOf(mp4, mp4.length / 3), VideoFormat.MP4, 4));
        assertEquals(400, cut.status(), cut.getMessage());
        byte[] junk = Arrays.copyOf(mp4, mp4.length);
        for (int i = 64; i < junk.length; i += 7) {
            junk[i] ^= 0x5a;
        }
        ApiException corrupt = assertThrows(ApiException.class, () -> sample(junk, VideoFormat.MP4, 4));
        assertEquals(400, corrupt.status(), corrupt.getMessage());
        byte[] tooLong = Videos.mp4(32, 32, 44, 4, Videos::gradient); // 11 s at 4 fps; the limit is 10 s
        ApiException longer = assertThrows(ApiException.class, () -> sample(tooLong, VideoFormat.MP4, 4));
        assertEquals("video-too-long", longer.problem());
        ApiException mjpeg =
                assertThrows(ApiException.class, () -> sample(Videos.mjpegMov(32, 32, 5), VideoFormat.MP4, 2));
        assertEquals(415, mjpeg.status(), mjpeg.getMessage());
        assertTrue(mjpeg.getMessage().contains("mjpeg"), mjpeg.getMessage());
        assertNull(VideoFormat.of("not a video at all".getBytes()));
    }

    @Test
    void framesLargerThanTheLimitAreRefusedBeforeDecoding() {
        VideoDecoder small = new VideoDecoder(new VideoLimits(8, 32, 10, 32 * 32), new ImageLimits(4096, 1 << 24));
        byte[] v = Videos.mp4(64, 48, 5, 25, Videos::gradient);
        ApiException e = assertThrows(
                ApiException.class,
                () -> small.sample(v, VideoFormat.MP4, 2, budget.open(), Long.MAX_VALUE, (i, s, f) -> {}));
        assertEquals(413, e.status());
        assertEquals("video-too-large", e.problem());
    }
}
