package dev.prodet.tests.serve.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Polls {@code /v2/health/live} on its own connection and thread while a test loads the runtime, and keeps each
 * probe's latency (probes that fail count as failures, not latencies).
 */
public final class Probe implements AutoCloseable {
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private final List<String> slow = Collections.synchronizedList(new ArrayList<>());
    private final long start = System.nanoTime();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean stop;

    /**
     * @param port the runtime's port
     * @param everyMillis pause between probes
     */
    public Probe(int port, long everyMillis) {
        thread = new Thread(
                () -> {
                    try (RawHttp http = new RawHttp(port)) {
                        while (!stop) {
                            long t0 = System.nanoTime();
                            try {
                                RawHttp.Response r = http.get("/v2/health/live");
                                if (r.status() == 200) {
                                    long took = System.nanoTime() - t0;
                                    nanos.add(took);
                                    if (took > 50_000_000L) {
                                        slow.add(String.format("%.0f ms at %.1f s", took / 1e6, (t0 - start) / 1e9));
                                    }
                                } else {
                                    failures.add(r.status() + " " + r.body());
                                }
                            } catch (IOException e) {
                                failures.add(e.toString());
                            }
                            Thread.sleep(everyMillis);
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add(e.toString());
                    }
                },
                "liveness-probe");
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** Probes answered 200. */
    public int count() {
        return nanos.size();
    }

    /** Probes slower than 50 ms: how slow and when, from the probe's start. */
    public List<String> slow() {
        return List.copyOf(slow);
    }

    /** Probes that failed, with why. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The latency at quantile {@code q} (0.99 for p99) in milliseconds. */
    public double quantileMillis(double q) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(TimeUnit.SECONDS.toMillis(15));
    }
}
