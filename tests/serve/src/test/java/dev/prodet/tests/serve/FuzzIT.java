package dev.prodet.tests.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.image.Images;
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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the serving issue: 1,200 fuzzed JPEGs and PNGs (byte-level mutations of real images, and valid images
 * of odd sizes) get no 5xx and the server stays alive.
 */
class FuzzIT {
    static final int CASES = 1200;

    @TempDir
    Path dir;

    @Test
    void mutatedImagesNeverGetA5xx() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        try (EdgeRuntime rt = new EdgeRuntime(dir, models, Map.of("pollMillis", "500"))) {
            TestPackages.export(models, "m", "1", 5, EdgeServeIT.facePreprocessor(rt));
            rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(60));
            List<byte[]> bases = bases();
            Random rnd = new Random(20240611);
            Map<Integer, Integer> statuses = new TreeMap<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < CASES; i++) {
                byte[] base = bases.get(rnd.nextInt(bases.size()));
                // one case in five is a valid image of odd size and content, so the model and the face
                // pipeline see many shapes (1-pixel lines, slivers); the rest are byte-level mutations
                byte[] img = i % 5 == 1 || i % 5 == 4 ? Mutations.validOddImage(rnd) : Mutations.mutate(base, rnd);
                boolean png = img[0] == (byte) 0x89;
                // two cases in five go through face detection: a mutated one and a valid odd-sized one
                String path = i % 5 <= 1 ? "/v1/detect" : "/v1/detect?aligned=true";
                EdgeRuntime.Answer a = rt.post(path, png ? "image/png" : "image/jpeg", img);
                statuses.merge(a.status(), 1, Integer::sum);
                JsonNode j = a.json();
                assertTrue(a.status() < 500, "case " + i + " got " + a.status() + ": " + a.body());
                assertTrue(a.status() == 200 ? j.has("fakeness") : j.hasNonNull("error"), a.body());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(rt.alive());
            assertEquals(200, rt.get("/v2/health/live").status());
            assertEquals(
                    200,
                    rt.post("/v1/detect?aligned=true", "image/png", bases.get(0))
                            .status());
            System.out.printf("fuzz: %d mutated images in %.1f s, statuses %s%n", CASES, seconds, statuses);
            assertTrue(
                    statuses.getOrDefault(200, 0) > 0
                            && statuses.keySet().stream().anyMatch(s -> s >= 400),
                    "mutations both decode and fail: " + statuses);
        }
    }

    /** Seeds: PNG and JPEG crops, a grey and an alpha PNG, and the portrait (if fetched) at 256 px. */
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
