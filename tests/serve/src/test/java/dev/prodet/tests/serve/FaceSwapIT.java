package dev.prodet.tests.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.serve.internal.TestPackages;
import dev.prodet.tests.serve.support.Assets;
import dev.prodet.tests.serve.support.EdgeRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when of the hardening issue: the face detector is swapped four times ({@code ./prodet swap facedetector ...}:
 * a config file in deploy/) while 8 clients post full photos; the JVM survives (no native session is closed under a
 * running request) and no answer is a 5xx (a request caught by a swap is repeated on the new preprocessor; while the
 * Haar detector serves, the BlazeFace-trained model answers 409).
 */
class FaceSwapIT {
    static final int CLIENTS = 8;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void fourDetectorSwapsUnderLoadCrashNothingAndAnswerNo5xx() throws Exception {
        Path portrait = Assets.image("grace_hopper.jpg").orElse(null);
        Assumptions.assumeTrue(portrait != null, "portrait assets not fetched (scripts/fetch-assets.sh)");
        byte[] photo = Files.readAllBytes(portrait);
        Path models = Files.createDirectories(dir.resolve("models"));
        try (EdgeRuntime rt = new EdgeRuntime(dir, models, Map.of("pollMillis", "500"), "core,cli,edge", Map.of())) {
            TestPackages.export(models, "m", "1", 8, EdgeServeIT.facePreprocessor(rt));
            rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(60));
            assertEquals(200, rt.post("/v1/detect", "image/jpeg", photo).status(), "the face pipeline works");
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                    while (!stop.get() && System.nanoTime() < deadline) {
                        try {
                            EdgeRuntime.Answer a = rt.post("/v1/detect", "image/jpeg", photo);
                            statuses.merge(a.status(), 1, Integer::sum);
                            if (a.status() >= 500) {
                                errors.add(a.status() + " " + a.body());
                            }
                        } catch (Exception e) {
                            errors.add(e.toString());
                            return;
                        }
                    }
                }));
            }
            List<String> order = List.of("haar", "blazeface", "haar", "blazeface");
            for (String detector : order) {
                Thread.sleep(1500);
                swap(rt, detector);
                rt.await(
                        "/v2",
                        a -> a.status() == 200
                                && a.json().path("face_preprocessor").asText().startsWith(detector + "-"),
                        Duration.ofSeconds(30));
            }
            Thread.sleep(1500);
            stop.set(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));
            for (Future<?> f : clients) {
                f.get();
            }
            System.out.println("4 face-detector swaps under 8 clients: " + new TreeMap<>(statuses));
            assertTrue(rt.alive(), "the runtime survived\n" + rt.logTail());
            assertEquals(List.of(), errors);
            assertTrue(statuses.getOrDefault(200, 0) > 0 && statuses.getOrDefault(409, 0) > 0, statuses.toString());
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
            assertEquals(200, rt.post("/v1/detect", "image/jpeg", photo).status(), "BlazeFace serves again");
            assertFalse(rt.log().contains("SIGSEGV"), rt.logTail());
        }
    }

    /** What {@code ./prodet swap facedetector NAME} does: a swap request written into deploy/ in one rename. */
    private static void swap(EdgeRuntime rt, String detector) throws Exception {
        Path tmp = rt.deploy().resolve(".swap.tmp");
        Files.writeString(tmp, "kind=facedetector\nname=" + detector + "\n");
        Files.move(
                tmp,
                rt.deploy().resolve("dev.prodet.swap-facedetector.cfg"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
