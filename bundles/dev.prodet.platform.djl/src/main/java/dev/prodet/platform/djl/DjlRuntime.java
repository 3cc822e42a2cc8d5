package dev.prodet.platform.djl;

import ai.djl.engine.Engine;
import java.util.concurrent.Callable;

/**
 * Runs code against DJL's PyTorch engine inside OSGi.
 *
 * <p>DJL finds its engines, and PyTorch finds its native-library properties, through the thread context class
 * loader (deepjavalibrary/djl#523). Inside OSGi that loader is not DJL's, so every entry into DJL that may load the
 * engine must go through {@link #call(Callable)} or {@link #engine()}.
 */
public final class DjlRuntime {
    /** Name of the only engine this bundle carries. */
    public static final String ENGINE = "PyTorch";

    private DjlRuntime() {}

    /** Runs {@code work} with the thread context class loader set to the DJL bundle's loader. */
    public static <T> T call(Callable<T> work) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return work.call();
        } finally {
            t.setContextClassLoader(old);
        }
    }

    /** The PyTorch engine, loading it (and its natives, from the embedded Maven jar) on first use. */
    public static Engine engine() {
        try {
            return call(() -> Engine.getEngine(ENGINE));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the DJL " + ENGINE + " engine: " + e.getMessage(), e);
        }
    }
}
