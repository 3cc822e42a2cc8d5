package dev.prodet.tests.support;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Polling helpers for asynchronous framework events (service rebinding, FileInstall scans). */
public final class Await {
    private Await() {}

    /** Waits until {@code value} returns {@code expected}; returns the elapsed time; fails with the last value. */
    public static Duration until(String what, Supplier<?> value, Object expected, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Object last;
        while (!Objects.equals(last = value.get(), expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": expected <" + expected + "> within " + timeout.toMillis()
                        + " ms, last value <" + last + ">");
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits for a service by class name; the tracker is closed, the service object is returned. */
    public static Object service(BundleContext ctx, String className, Duration timeout) throws InterruptedException {
        ServiceTracker<Object, Object> t = new ServiceTracker<>(ctx, className, null);
        t.open(true);
        try {
            Object s = t.waitForService(timeout.toMillis());
            if (s == null) {
                throw new AssertionError(
                        "service " + className + " not available within " + timeout.toMillis() + " ms");
            }
            return s;
        } finally {
            t.close();
        }
    }
}
