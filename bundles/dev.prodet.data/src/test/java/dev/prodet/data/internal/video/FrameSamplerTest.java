package dev.prodet.data.internal.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prodet.api.data.FrameIndices;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.home.ProdetHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSamplerTest {

    static final Path ASSETS = ProdetHome.assets().dir();

    @TempDir
    Path dir;

    static Path video(String name) {
        Path p = ASSETS.resolve("videos").resolve(name);
        assumeTrue(
                Files.isRegularFile(p),
                () -> p + " not fetched; run 'bash scripts/fetch-assets.sh' to run this " + "test");
        return p;
    }

    @Test
    void samplesEvenlySpacedFramesOfARealVideo() throws IOException {
        List<Integer> indices = new ArrayList<>();
        List<RgbImage> frames = new ArrayList<>();
        int count = FrameSampler.sample(video("cap13_edit2.mp4"), 6, (frame, sample, image) -> {
            assertEquals(indices.size(), sample);
            indices.add(frame);
            frames.add(image);
        });
        assertEquals(765, count); // data.md: 765 frames
        assertArrayEquals(
                FrameIndices.evenlySpaced(count, 6),
                indices.stream().mapToInt(i -> i).toArray());
        assertEquals(400, frames.get(0).width());
        assertEquals(300, frames.get(0).height());
        assertNotEquals(frames.get(0), frames.get(5), "first and last sampled frames differ");
        int sum = 0;
        for (int i = 0; i < 3000; i += 3) {
            sum += frames.get(2).get(i % 400, 150, 0);
        }
        assertTrue(sum > 1000, "decoded pixels are not black");
    }

    @Test
    void corruptAndMissingVideosAreReportedWithTheirPath() throws IOException {
        Path corrupt = dir.resolve("corrupt.mp4");
        byte[] junk = new byte[50_000];
        new Random(1).nextBytes(junk);
        Files.write(corrupt, junk);
        IOException e = assertThrows(IOException.class, () -> FrameSampler.sample(corrupt, 4, (f, s, i) -> {}));
        assertTrue(e.getMessage().contains(corrupt.toString()), e.getMessage());
        Path missing = dir.resolve("missing.mp4");
        e = assertThrows(IOException.class, () -> FrameSampler.sample(missing, 4, (f, s, i) -> {}));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
