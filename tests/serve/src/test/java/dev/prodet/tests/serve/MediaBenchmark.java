package dev.prodet.tests.serve;

import dev.prodet.serve.internal.image.ImageHeader;
import dev.prodet.serve.internal.image.ImageLimits;
import dev.prodet.tests.serve.support.Assets;
import dev.prodet.tests.serve.support.EdgeRuntime;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The part of the serving benchmark about large media: what a 25-megapixel photo costs through the face pipeline with
 * and without reduced-resolution decoding (latency, decode time, bytes reserved, peak resident memory of the runtime),
 * and how many videos a second the runtime scores. Needs the fetched portrait and demo videos.
 */
final class MediaBenchmark {
    private MediaBenchmark() {}

    static void run(Path dir, Path models, int seconds) throws Exception {
        Optional<Path> portrait = Assets.image("grace_hopper.jpg");
        if (portrait.isEmpty()) {
            System.out.println("media: skipped, the portrait is not fetched (scripts/fetch-assets.sh)");
            return;
        }
        byte[] photo = bigPhoto(portrait.get(), 4320, 5780);
        ImageHeader h = ImageHeader.read(photo, 64);
        for (String decodePixels : new String[] {"2000000", "0"}) {
            long k = new ImageLimits(12_000, 25_000_000, Long.parseLong(decodePixels), 64).subsampling(4320, 5780);
            try (EdgeRuntime rt = new EdgeRuntime(
                    dir.resolve("photo-" + decodePixels),
                    models,
                    Map.of("decodePixels", decodePixels, "maxBodyBytes", "64m"),
                    "core,edge",
                    Map.of("PRODET_HEAP", "2g"))) {
                rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(120));
                long rssBefore = rt.peakResidentMib();
                ServeBenchmark.load(rt, "/v1/detect", photo, 1, 2); // warm-up
                double[] r = ServeBenchmark.load(rt, "/v1/detect", photo, 1, seconds);
                System.out.printf(
                        "25-MP photo (%dx%d JPEG, %d KB), decodePixels %s (k = %d): %.2f req/s, p50 %.0f ms, p99 %.0f"
                                + " ms; mean ms per stage %s; reserved per request %d MiB; runtime peak RSS %d MiB"
                                + " (%d MiB after start)%n",
                        4320,
                        5780,
                        photo.length / 1024,
                        decodePixels,
                        k,
                        r[0],
                        r[1],
                        r[2],
                        ServeBenchmark.stageMeans(rt),
                        (h.decodedBytes((int) k) + photo.length) >> 20,
                        rt.peakResidentMib(),
                        rssBefore);
            }
        }
        Optional<Path> video = Assets.video("cap13_edit2.mp4");
        if (video.isEmpty()) {
            System.out.println("video: skipped, the demo videos are not fetched");
            return;
        }
        byte[] mp4 = Files.readAllBytes(video.get());
        try (EdgeRuntime rt = new EdgeRuntime(dir.resolve("video"), models, Map.of())) {
            rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(120));
            for (int c : new int[] {1, 2}) {
                ServeBenchmark.load(rt, "/v1/detect?frames=8", mp4, c, 2, "video/mp4");
                double[] r = ServeBenchmark.load(rt, "/v1/detect?frames=8", mp4, c, seconds, "video/mp4");
                System.out.printf(
                        "video (cap13_edit2.mp4: 30.6 s, 400x300 H.264, %d KB; 8 frames scored), concurrency %d:"
                                + " %.2f videos/s, p50 %.0f ms, p99 %.0f ms%n",
                        mp4.length / 1024, c, r[0], r[1], r[2]);
            }
            System.out.println("  runtime peak RSS " + rt.peakResidentMib() + " MiB");
        }
    }

    /** The portrait enlarged to a {@code w}×{@code h} JPEG (quality 0.9), a phone photo's pixel count. */
    static byte[] bigPhoto(Path portrait, int w, int h) throws Exception {
        BufferedImage src = ImageIO.read(portrait.toFile());
        BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new javax.imageio.IIOImage(big, null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }
}
