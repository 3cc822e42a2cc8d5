package dev.prodet.platform.djl.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Puts DJL in offline mode with telemetry off before any engine loads: natives come from the embedded
 * {@code pytorch-native-cpu} jar, so nothing may be downloaded (stack.md §7). A user may still override each switch
 * with a system property of the same name.
 */
public final class DjlActivator implements BundleActivator {
    static final String OFFLINE = "ai.djl.offline";
    static final String OPT_OUT = "OPT_OUT_TRACKING";
    static final String DEFAULT_ENGINE = "ai.djl.default_engine";

    @Override
    public void start(BundleContext context) {
        setIfAbsent(OFFLINE, "true");
        setIfAbsent(OPT_OUT, "true");
        setIfAbsent(DEFAULT_ENGINE, "PyTorch");
        String cache = context.getProperty("prodet.djl.cache");
        if (cache != null && System.getProperty("ENGINE_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR", cache);
        }
    }

    @Override
    public void stop(BundleContext context) {
        // the engine and its natives stay loaded until the JVM exits: libtorch cannot be unloaded
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
