package dev.prodet.serve.internal;

import dev.prodet.api.serve.ApiException;
import dev.prodet.api.serve.Detection;
import dev.prodet.api.serve.Detector;
import dev.prodet.serve.internal.detect.DetectOptions;
import dev.prodet.serve.internal.repo.RepositoryEvents;
import dev.prodet.serve.internal.repo.ServedVersion;
import dev.prodet.serve.internal.repo.VersionStatus;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * One {@link Detector} service per serving model (property {@code prodet.model.name}), as the API promises: the CLI
 * and other bundles score images without HTTP. Registrations follow repository events on their own thread, so
 * no service callback runs under the repository's lock.
 */
final class DetectorServices implements RepositoryEvents, AutoCloseable {
    /** Service property naming the model. */
    static final String MODEL_NAME = "prodet.model.name";

    private final BundleContext ctx;
    private final Supplier<EdgeRuntime> runtime;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "prodet-detector-services");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ServiceRegistration<Detector>> registered = new HashMap<>(); // worker thread only

    /** @param runtime read on the worker thread only, so it may be asked for before the runtime is built */
    DetectorServices(BundleContext ctx, Supplier<EdgeRuntime> runtime) {
        this.ctx = ctx;
        this.runtime = runtime;
    }

    @Override
    public void loaded(VersionStatus s) {
        worker.execute(this::reconcile);
    }

    @Override
    public void unloaded(VersionStatus s) {
        worker.execute(this::reconcile);
    }

    private void reconcile() {
        List<String> serving = runtime.get().repository().modelNames();
        registered.entrySet().removeIf(e -> {
            if (!serving.contains(e.getKey())) {
                unregister(e.getValue());
                return true;
            }
            return false;
        });
        for (String name : serving) {
            registered.computeIfAbsent(name, n -> {
                Hashtable<String, Object> props = new Hashtable<>();
                props.put(MODEL_NAME, n);
                return ctx.registerService(Detector.class, new ModelDetector(n), props);
            });
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.execute(() -> {
            registered.values().forEach(DetectorServices::unregister);
            registered.clear();
        });
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static void unregister(ServiceRegistration<Detector> r) {
        try {
            r.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }

    /** The detect pipeline bound to one model name; the latest serving version answers. */
    private final class ModelDetector implements Detector {
        private final String name;

        ModelDetector(String name) {
            this.name = name;
        }

        @Override
        public Detection detect(byte[] encodedImage) {
            try {
                return runtime.get()
                        .detect()
                        .detect(encodedImage, new DetectOptions(name, null, false))
                        .toDetection();
            } catch (ApiException e) {
                throw new IllegalArgumentException(e.getMessage() + " (" + e.problem() + ")", e);
            }
        }

        @Override
        public String modelName() {
            return name;
        }

        @Override
        public String modelVersion() {
            List<ServedVersion> s = runtime.get().repository().serving(name);
            return s.isEmpty() ? "none" : s.get(s.size() - 1).version();
        }
    }
}
