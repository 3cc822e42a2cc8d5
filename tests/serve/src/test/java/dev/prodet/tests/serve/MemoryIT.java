package dev.prodet.tests.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.image.Images;
import dev.prodet.tests.serve.support.EdgeRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the hardening issue: 40 clients at once each send a 16-bit RGBA 5000×5000 PNG of zeros (about 200 KB,
 * 200 MB decoded in full) to a runtime with a 1 GiB heap; every answer is 200 or 503 with a JSON body and
 * {@code Retry-After}, and no {@code OutOfMemoryError} appears. Twice: with the default decoding (at reduced
 * resolution, so all fit) and with full-resolution decoding, where the memory budget must turn most away.
 */
class MemoryIT {
    static final int CLIENTS = 40;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void fortyDecompressionBombsAtOnceNeverRunTheHeapOut() throws Exception {
        byte[] bomb = Images.zeroPng16(5000, 5000);
        assertTrue(bomb.length < 300_000, "a small upload: " + bomb.length);
        Map<Integer, Integer> subsampled = burst(dir.resolve("subsampled"), Map.of(), bomb);
        assertTrue(subsampled.getOrDefault(200, 0) > 0, "decoded at reduced resolution, they fit: " + subsampled);
        Map<Integer, Integer> full = burst(dir.resolve("full"), Map.of("decodePixels", "0"), bomb);
        assertTrue(full.getOrDefault(503, 0) > 0, "decoded in full, the budget turns some away: " + full);
    }

    private Map<Integer, Integer> burst(Path dir, Map<String, String> settings, byte[] image) throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Map<String, String> s = new java.util.HashMap<>(settings);
        s.put("pollMillis", "500");
        s.put("requestTimeoutMillis", "60000");
        try (EdgeRuntime rt = new EdgeRuntime(dir, models, s, "core,edge", Map.of("PRODET_HEAP", "1g"))) {
            TestPackages.export(models, "m", "1", 4, EdgeServeIT.facePreprocessor(rt));
            rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(60));
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<EdgeRuntime.Answer>> answers = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(pool.submit(() -> rt.post("/v1/detect?aligned=true", "image/png", image)));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<EdgeRuntime.Answer> f : answers) {
                EdgeRuntime.Answer a = f.get(3, TimeUnit.MINUTES);
                statuses.merge(a.status(), 1, Integer::sum);
                JsonNode j = a.json();
                assertTrue(a.status() == 200 || a.status() == 503, a.status() + " " + a.body());
                assertTrue(a.status() == 200 ? j.has("fakeness") : j.hasNonNull("error"), a.body());
            }
            pool.shutdown();
            System.out.printf(
                    "40 x 5000x5000 16-bit PNG, heap 1 GiB, %s: %s in %.1f s%n",
                    settings.isEmpty() ? "default decoding" : settings, statuses, (System.nanoTime() - t0) / 1e9);
            assertTrue(rt.alive());
            assertEquals(200, rt.get("/v2/health/live").status());
            String log = rt.log();
            assertFalse(log.contains("OutOfMemoryError") || log.contains("out of memory"), rt.logTail());
            assertTrue(rt.get("/metrics").body().contains("prodet_memory_budget_bytes"));
            return statuses;
        }
    }
}
