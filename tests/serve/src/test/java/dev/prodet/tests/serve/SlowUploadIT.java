package dev.prodet.tests.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.image.Images;
import dev.prodet.tests.serve.support.EdgeRuntime;
import dev.prodet.tests.serve.support.Probe;
import dev.prodet.tests.serve.support.RawHttp;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the hardening issue: 200 connections that send a request body slowly (a few bytes, then a byte now
 * and then) are held open; meanwhile liveness answers and a normal request is served; each slow upload is answered
 * 408 with a JSON error when its body deadline passes.
 */
class SlowUploadIT {
    static final int SLOW = 200;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void slowUploadsHoldNoThreadAndTimeOut() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        try (EdgeRuntime rt = new EdgeRuntime(dir, models, Map.of("pollMillis", "500", "bodyTimeoutMillis", "8000"))) {
            TestPackages.export(models, "m", "1", 6, EdgeServeIT.facePreprocessor(rt));
            rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(60));
            byte[] crop = Images.encode(Images.gradient(80, 80), "png");
            List<Socket> slow = new ArrayList<>();
            try (Probe probe = new Probe(rt.port(), 50)) {
                for (int i = 0; i < SLOW; i++) {
                    slow.add(RawHttp.startUpload(
                            rt.port(), "/v1/detect?aligned=true", "image/png", crop.length, new byte[] {crop[0]}));
                }
                // keep them trickling: one more byte each, a second apart, never the whole body
                for (int round = 0; round < 3; round++) {
                    Thread.sleep(1000);
                    for (int i = 0; i < slow.size(); i++) {
                        slow.get(i).getOutputStream().write(crop[1 + round]);
                    }
                }
                EdgeRuntime.Answer normal = rt.post("/v1/detect?aligned=true", "image/png", crop);
                assertEquals(200, normal.status(), "a whole request is served beside 200 slow ones: " + normal.body());
                assertEquals(200, rt.get("/v2/health/ready").status());
                probe.close();
                System.out.printf(
                        "200 slow uploads held: liveness %d probes, p50 %.1f ms, p99 %.1f ms; a normal request 200%n",
                        probe.count(), probe.quantileMillis(0.5), probe.quantileMillis(0.99));
                assertEquals(List.of(), probe.failures());
                assertTrue(probe.count() > 20, "probed while they were held: " + probe.count());
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Socket s : slow) {
                try (s) {
                    RawHttp.Response r = RawHttp.read(s.getInputStream()); // the body deadline answers them
                    statuses.merge(r.status(), 1, Integer::sum);
                    assertTrue(r.body().contains("\"problem\":\"body-timeout\""), r.body());
                } catch (IOException e) {
                    statuses.merge(-1, 1, Integer::sum);
                }
            }
            System.out.println("slow uploads answered: " + statuses);
            assertEquals(Map.of(408, SLOW), statuses);
            assertTrue(rt.alive());
        }
    }
}
