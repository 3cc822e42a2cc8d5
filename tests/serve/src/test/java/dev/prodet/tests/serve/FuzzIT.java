package dev.prodet.tests.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.image.Images;
import dev.prodet.serve.internal.video.Videos;
import dev.prodet.tests.serve.support.Assets;
import dev.prodet.tests.serve.support.EdgeRuntime;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the hardening issue: 10,000 fuzzed inputs, images and videos (byte-level mutations of real ones, and
 * valid images of odd sizes), sent by four clients at once, get no 5xx and the server stays alive.
 */
class FuzzIT {
    static final int CASES = 10_000;
    static final int CLIENTS = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void mutatedImagesAndVideosNeverGetA5xx() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        try (EdgeRuntime rt = new EdgeRuntime(dir, models, Map.of("pollMillis", "500"))) {
            TestPackages.export(models, "m", "1", 5, EdgeServeIT.facePreprocessor(rt));
            rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(60));
            List<byte[]> images = bases();
            List<byte[]> videos = videos();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicInteger videoCases = new AtomicInteger();
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    Random rnd = new Random(20240611L + client);
                    for (int i = client; i < CASES; i += CLIENTS) {
                        Case k = next(i, rnd, images, videos);
                        if (k.video()) {
                            videoCases.incrementAndGet();
                        }
                        EdgeRuntime.Answer a = rt.post(k.path(), k.type(), k.body());
                        statuses.merge(a.status(), 1, Integer::sum);
                        JsonNode j = a.json();
                        assertTrue(a.status() < 500, "case " + i + " got " + a.status() + ": " + a.body());
                        assertTrue(a.status() == 200 ? j.has("fakeness") : j.hasNonNull("error"), a.body());
                    }
                    return null;
                }));
            }
            pool.shutdown();
            for (Future<?> f : clients) {
                f.get(8, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(rt.alive());
            assertEquals(200, rt.get("/v2/health/live").status());
            assertEquals(
                    200,
                    rt.post("/v1/detect?aligned=true", "image/png", images.get(0))
                            .status());
            System.out.printf(
                    "fuzz: %d mutated inputs (%d videos) in %.1f s, statuses %s%n",
                    CASES, videoCases.get(), seconds, new TreeMap<>(statuses));
            assertTrue(
                    statuses.getOrDefault(200, 0) > 0
                            && statuses.keySet().stream().anyMatch(s -> s >= 400),
                    "mutations both decode and fail: " + statuses);
            assertTrue(!rt.log().contains("OutOfMemoryError"), rt.logTail());
        }
    }

    /** One fuzz case: where it goes and what it sends. */
    record Case(String path, String type, byte[] body, boolean video) {}

    /**
     * Case {@code i}: two in ten are videos (mutated, or sent whole), the rest images; of the images, two in five are
     * valid images of odd size and content (1-pixel lines, slivers), the rest byte-level mutations, and two in five
     * go through face detection.
     */
    static Case next(int i, Random rnd, List<byte[]> images, List<byte[]> videos) {
        if (i % 10 >= 8) {
            byte[] base = videos.get(rnd.nextInt(videos.size()));
            byte[] v = rnd.nextInt(20) == 0 ? base : Mutations.mutate(base, rnd);
            boolean mp4 = base[4] == 'f';
            return new Case("/v1/detect?frames=" + (1 + rnd.nextInt(4)), mp4 ? "video/mp4" : "video/webm", v, true);
        }
        byte[] base = images.get(rnd.nextInt(images.size()));
        byte[] img = i % 5 == 1 || i % 5 == 4 ? Mutations.validOddImage(rnd) : Mutations.mutate(base, rnd);
        boolean png = img.length > 0 && img[0] == (byte) 0x89;
        String path = i % 5 <= 1 ? "/v1/detect" : "/v1/detect?aligned=true";
        return new Case(path, png ? "image/png" : "image/jpeg", img, false);
    }

    /** Video seeds: small MP4 (MPEG-4 Part 2) and WebM (VP8) clips made here. */
    static List<byte[]> videos() {
        List<byte[]> out = new ArrayList<>();
        out.add(Videos.mp4(64, 48, 12, 12, Videos::gradient));
        out.add(Videos.webm(64, 48, 12, 12, Videos::gradient));
        out.add(Videos.mp4(32, 96, 5, 5, i -> Videos.gradient(32, 96, i)));
        return out;
    }

    /**
     * Image seeds: PNG and JPEG crops, a grey, an alpha and a 16-bit PNG, a progressive and an EXIF-rotated JPEG, and
     * the portrait (if fetched) at 256 px.
     */
    static List<byte[]> bases() throws Exception {
        List<byte[]> out = new ArrayList<>();
        BufferedImage g = Images.gradient(72, 64);
        out.add(Images.encode(g, "png"));
        out.add(Images.encode(g, "jpeg"));
        BufferedImage grey = new BufferedImage(40, 48, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(g, 0, 0, null);
        out.add(Images.encode(grey, "png"));
        BufferedImage argb = new BufferedImage(33, 31, BufferedImage.TYPE_INT_ARGB);
        argb.getGraphics().drawImage(g, 0, 0, null);
        out.add(Images.encode(argb, "png"));
        out.add(Images.progressiveJpeg(g));
        out.add(Images.withOrientation(Images.encode(g, "jpeg"), 6));
        out.add(Images.zeroPng16(48, 40));
        var portrait = Assets.image("grace_hopper.jpg");
        if (portrait.isPresent()) {
            BufferedImage p = ImageIO.read(portrait.get().toFile());
            BufferedImage small = new BufferedImage(220, 256, BufferedImage.TYPE_INT_RGB);
            small.getGraphics().drawImage(p.getScaledInstance(220, 256, Image.SCALE_SMOOTH), 0, 0, null);
            out.add(Images.encode(small, "jpeg"));
            out.add(Images.encode(small, "png"));
        }
        return out;
    }

    /** Byte-level mutations: flips, cuts, splices, duplicated ranges and rewritten header fields. */
    static final class Mutations {
        private Mutations() {}

        static byte[] mutate(byte[] base, Random rnd) {
            byte[] b = base.clone();
            int kinds = 1 + rnd.nextInt(3);
            for (int k = 0; k < kinds; k++) {
                b = once(b, rnd);
            }
            return b;
        }

        /** A valid PNG or JPEG of 1..300 × 1..300 pixels: noise, flat colour or stripes. */
        static byte[] validOddImage(Random rnd) {
            int w = 1 + (rnd.nextBoolean() ? rnd.nextInt(8) : rnd.nextInt(300));
            int h = 1 + (rnd.nextBoolean() ? rnd.nextInt(8) : rnd.nextInt(300));
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int kind = rnd.nextInt(3);
            int flat = rnd.nextInt();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    img.setRGB(x, y, kind == 0 ? rnd.nextInt() : kind == 1 ? flat : ((x / 3 + y) % 2) * 0xffffff);
                }
            }
            return Images.encode(img, rnd.nextBoolean() ? "png" : "jpeg");
        }

        private static byte[] once(byte[] b, Random rnd) {
            if (b.length < 4) {
                return b;
            }
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(7)) {
                case 0: // flip bits
                    for (int i = 0, n = 1 + rnd.nextInt(10); i < n; i++) {
                        b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                    return b;
                case 1: // truncate
                    return Arrays.copyOf(b, at);
                case 2: // extreme 4-byte value, often in the header
                    int p = rnd.nextBoolean()
                            ? Math.min(b.length - 4, 8 + rnd.nextInt(24))
                            : Math.min(at, b.length - 4);
                    int v = new int[] {0, -1, 0x7fffffff, 0x10000, rnd.nextInt()}[rnd.nextInt(5)];
                    for (int i = 0; i < 4; i++) {
                        b[p + i] = (byte) (v >>> (24 - 8 * i));
                    }
                    return b;
                case 3: { // insert random bytes
                    byte[] ins = new byte[1 + rnd.nextInt(64)];
                    rnd.nextBytes(ins);
                    return splice(b, at, at, ins);
                }
                case 4: // delete a range
                    return splice(b, at, Math.min(b.length, at + 1 + rnd.nextInt(256)), new byte[0]);
                case 5: { // duplicate a range
                    int end = Math.min(b.length, at + 1 + rnd.nextInt(512));
                    return splice(b, at, at, Arrays.copyOfRange(b, at, end));
                }
                default: // zero a range
                    Arrays.fill(b, at, Math.min(b.length, at + 1 + rnd.nextInt(128)), (byte) 0);
                    return b;
            }
        }

        private static byte[] splice(byte[] b, int from, int to, byte[] ins) {
            byte[] out = new byte[b.length - (to - from) + ins.length];
            System.arraycopy(b, 0, out, 0, from);
            System.arraycopy(ins, 0, out, from, ins.length);
            System.arraycopy(b, to, out, from + ins.length, b.length - to);
            return out;
        }
    }
}
