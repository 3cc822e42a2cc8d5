package dev.prodet.serve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.serve.Detector;
import dev.prodet.serve.internal.detect.DetectService;
import dev.prodet.serve.internal.detect.FaceStages;
import dev.prodet.serve.internal.image.Images;
import dev.prodet.serve.internal.repo.ModelRepository;
import dev.prodet.serve.internal.repo.VersionStatus;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class DetectorServicesTest {
    @TempDir
    Path dir;

    /** Services registered through the fake context, by model name; removed when unregistered. */
    final Map<String, Detector> services = new ConcurrentHashMap<>();

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {BundleContext.class}, (p, m, args) -> {
                    if (!m.getName().equals("registerService")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    String name = (String) ((Dictionary<?, ?>) args[2]).get(DetectorServices.MODEL_NAME);
                    services.put(name, (Detector) args[1]);
                    return Proxy.newProxyInstance(
                            getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (p2, m2, a2) -> {
                                if (m2.getName().equals("unregister")) {
                                    services.remove(name);
                                    return null;
                                }
                                throw new UnsupportedOperationException(m2.getName());
                            });
                });
    }

    @Test
    void oneDetectorServicePerServingModelThatScoresAndFollowsUnloads() throws Exception {
        Path models = dir.resolve("models");
        TestPackages.export(models, "m", "1", 3);
        ServeSettings settings = TestRuntime.settings(models, Map.of());
        ModelRepository repo = TestRuntime.repository(settings);
        FaceStages faces = new FaceStages();
        DetectService detect = TestRuntime.detect(repo, faces, 4);
        EdgeRuntime runtime = new EdgeRuntime(settings, repo, detect, faces);
        DetectorServices ds = new DetectorServices(context(), () -> runtime);
        VersionStatus any = repo.status().get(0);
        ds.loaded(any);
        awaitServices(1);
        Detector d = services.get("m");
        assertEquals("1", d.modelVersion());
        // no face preprocessor here: the service reports the problem as IllegalArgumentException
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> d.detect(Images.encode(Images.gradient(40, 40), "png")));
        assertTrue(e.getMessage().contains("no-face-preprocessor"), e.getMessage());
        repo.unload("m");
        ds.unloaded(any);
        awaitServices(0);
        ds.close();
        repo.close();
        assertEquals(List.of(), List.copyOf(services.keySet()));
    }

    private void awaitServices(int n) throws InterruptedException {
        for (int i = 0; i < 200 && services.size() != n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, services.size(), "services: " + services.keySet());
    }
}
