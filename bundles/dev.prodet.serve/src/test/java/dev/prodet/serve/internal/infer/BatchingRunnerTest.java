package dev.prodet.serve.internal.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.model.ModelPackage;
import dev.prodet.serve.internal.FakeModel;
import dev.prodet.serve.internal.TestPackages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchingRunnerTest {
    @TempDir
    Path repo;

    FakeModel model() throws Exception {
        ModelPackage pkg = TestPackages.fake(repo, "m", "1", new byte[] {1});
        return new FakeModel(pkg.metadata());
    }

    static float[] filled(int items, float value) {
        float[] x = new float[items * 3 * 64 * 64];
        Arrays.fill(x, value);
        return x;
    }

    @Test
    void concurrentRequestsShareSessionRunsAndEachGetsItsOwnRows() throws Exception {
        FakeModel m = model();
        List<Integer> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
        m.gate = new CountDownLatch(1); // hold the first run so the others queue up
        try (BatchingRunner r = new BatchingRunner(m, 8, 50_000, 64, 10_000, (n, v, b, t) -> observed.add(b))) {
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<RunResult>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                float value = i / 4f;
                results.add(pool.submit(() -> r.run(filled(1, value), 1)));
            }
            Thread.sleep(300);
            m.gate.countDown();
            for (int i = 0; i < 12; i++) {
                RunResult res = results.get(i).get(10, TimeUnit.SECONDS);
                assertEquals(
                        FakeModel.score(i / 4f), res.outputs().get("p_fake").data()[0], 1e-6f);
                assertEquals(1, res.outputs().get("p_fake").shape()[0]);
                assertEquals(2, res.outputs().get("logits").data().length);
            }
            pool.shutdown();
        }
        assertEquals(12, observed.stream().mapToInt(Integer::intValue).sum());
        assertTrue(observed.stream().anyMatch(b -> b > 1), "some runs were batched: " + observed);
        assertTrue(observed.stream().allMatch(b -> b <= 8), "never above the maximum: " + observed);
    }

    @Test
    void aFullQueueAnswersOverloadedAtOnce() throws Exception {
        FakeModel m = model();
        m.gate = new CountDownLatch(1);
        try (BatchingRunner r = new BatchingRunner(m, 1, 0, 1, 10_000, (n, v, b, t) -> {})) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            pool.submit(() -> r.run(filled(1, 0), 1)); // taken by the worker, held at the gate
            Thread.sleep(200);
            pool.submit(() -> r.run(filled(1, 0), 1)); // fills the queue
            Thread.sleep(200);
            InferenceException e = assertThrows(InferenceException.class, () -> r.run(filled(1, 0), 1));
            assertEquals(InferenceException.Kind.OVERLOADED, e.kind());
            m.gate.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRequestLargerThanTheMaximumRunsAlone() throws Exception {
        FakeModel m = model();
        try (BatchingRunner r = new BatchingRunner(m, 2, 1_000, 8, 10_000, (n, v, b, t) -> {})) {
            RunResult res = r.run(filled(5, 1f), 5);
            assertEquals(5, res.batchSize());
            assertEquals(5, res.outputs().get("p_fake").data().length);
        }
    }

    @Test
    void aRequestThatDoesNotFitWaitsForTheNextBatchAndKeepsItsRows() throws Exception {
        FakeModel m = model();
        m.gate = new CountDownLatch(1);
        try (BatchingRunner r = new BatchingRunner(m, 4, 50_000, 16, 10_000, (n, v, b, t) -> {})) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<RunResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                float value = i;
                results.add(pool.submit(() -> r.run(filled(3, value), 3)));
                Thread.sleep(20); // queue in order
            }
            m.gate.countDown();
            for (int i = 0; i < 4; i++) {
                RunResult res = results.get(i).get(10, TimeUnit.SECONDS);
                assertEquals(3, res.outputs().get("p_fake").data().length);
                assertEquals(FakeModel.score(i), res.outputs().get("p_fake").data()[2], 1e-6f);
            }
            pool.shutdown();
        }
        assertEquals(List.of(3, 3, 3, 3), m.batches, "3 + 3 > 4: one request per run");
    }

    @Test
    void aSlowModelTimesOutTheRequest() throws Exception {
        FakeModel m = model();
        m.gate = new CountDownLatch(1);
        try (BatchingRunner r = new BatchingRunner(m, 4, 0, 8, 200, (n, v, b, t) -> {})) {
            InferenceException e = assertThrows(InferenceException.class, () -> r.run(filled(1, 0), 1));
            assertEquals(InferenceException.Kind.TIMEOUT, e.kind());
            m.gate.countDown();
        }
    }
}
