package dev.prodet.tests.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.image.Images;
import dev.prodet.tests.serve.support.EdgeRuntime;
import dev.prodet.tests.serve.support.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the serving issue: publishing a new model version while 8 clients send requests continuously gives
 * 0 failed requests, and the answers switch to the new version (and never back).
 */
class HotSwapIT {
    static final int CLIENTS = 8;

    @TempDir
    Path dir;

    /** One client's answers, in order: version and fakeness, or the failure. */
    record Seen(List<String> versions, List<Double> scores, List<String> failures) {}

    @Test
    void aNewVersionIsSwappedInUnderLoadWithoutAFailedRequest() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        try (EdgeRuntime rt = new EdgeRuntime(dir, models, Map.of("pollMillis", "200", "batching", "true"))) {
            FacePreprocessorInfo face = EdgeServeIT.facePreprocessor(rt);
            ModelPackage v1 = TestPackages.export(models, "m", "1", 1, face);
            rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(60));
            byte[] crop = Images.encode(Images.gradient(96, 96), "png");
            double expected1;
            try (Reference r = new Reference(v1)) {
                expected1 = r.pFake(crop);
            }
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Seen>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> client(rt, crop, stop)));
            }
            Thread.sleep(1500); // load is running on version 1
            long published = System.nanoTime();
            ModelPackage v2 = TestPackages.export(models.getParent().resolve("staging"), "m", "2", 2, face);
            Files.move(v2.dir(), models.resolve("m").resolve("2")); // published by an atomic rename
            double expected2;
            try (Reference r = new Reference(ModelPackage.open(models.resolve("m/2")))) {
                expected2 = r.pFake(crop);
            }
            assertTrue(Math.abs(expected1 - expected2) > 1e-4, "the versions answer differently");
            rt.await(
                    "/v2/models/m",
                    a -> a.status() == 200
                            && a.json().get("versions").toString().equals("[\"2\"]"),
                    Duration.ofSeconds(60));
            double swapSeconds = (System.nanoTime() - published) / 1e9;
            Thread.sleep(1500); // load keeps running on version 2
            stop.set(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
            int total = 0;
            int onTwo = 0;
            for (Future<Seen> f : clients) {
                Seen s = f.get();
                assertEquals(List.of(), s.failures(), "failed requests");
                int first2 = s.versions().indexOf("2");
                assertTrue(first2 > 0, "a client saw version 1 and then version 2: " + s.versions());
                for (int i = 0; i < s.versions().size(); i++) {
                    boolean two = i >= first2;
                    assertEquals(two ? "2" : "1", s.versions().get(i), "never back to version 1 once 2 answered");
                    assertEquals(two ? expected2 : expected1, s.scores().get(i), 1e-6);
                }
                total += s.versions().size();
                onTwo += s.versions().size() - first2;
            }
            JsonNode md = rt.get("/v2/models/m").json();
            assertEquals("2", md.at("/parameters/version").asText());
            System.out.printf(
                    "hot swap: %d requests from %d clients, 0 failed, %d on version 2; version 2 served"
                            + " %.2f s after publishing%n",
                    total, CLIENTS, onTwo, swapSeconds);
            String metrics = rt.get("/metrics").body();
            assertTrue(metrics.contains("prodet_model_ready{model=\"m\",version=\"2\"} 1.0"));
            double runs = metric(metrics, "prodet_batch_size_count{model=\"m\"}");
            double items = metric(metrics, "prodet_batch_size_sum{model=\"m\"}");
            assertTrue(items > runs, "8 clients were batched: " + items + " items in " + runs + " session runs");
            assertTrue(!rt.get("/metrics").body().contains("prodet_model_ready{model=\"m\",version=\"1\"}"));
        }
    }

    private static double metric(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1));
            }
        }
        throw new AssertionError(series + " not in\n" + text);
    }

    private static Seen client(EdgeRuntime rt, byte[] crop, AtomicBoolean stop) {
        Seen s = new Seen(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // bounded even if stop never comes
        while (!stop.get() && System.nanoTime() < deadline) {
            try {
                EdgeRuntime.Answer a = rt.post("/v1/detect?aligned=true", "image/png", crop);
                if (a.status() != 200) {
                    s.failures().add(a.status() + " " + a.body());
                    continue;
                }
                s.versions().add(a.json().get("version").asText());
                s.scores().add(a.json().get("fakeness").asDouble());
            } catch (Exception e) {
                s.failures().add(e.toString());
            }
        }
        return s;
    }
}
