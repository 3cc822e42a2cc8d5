package dev.prodet.serve.internal;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.face.FacePreprocessor;
import dev.prodet.serve.internal.api.KServeApi;
import dev.prodet.serve.internal.api.ModelAccess;
import dev.prodet.serve.internal.api.RepositoryApi;
import dev.prodet.serve.internal.detect.DetectService;
import dev.prodet.serve.internal.detect.FacePreprocessorStage;
import dev.prodet.serve.internal.detect.FaceStage;
import dev.prodet.serve.internal.http.DetectServlet;
import dev.prodet.serve.internal.http.HttpSupport;
import dev.prodet.serve.internal.http.MetricsServlet;
import dev.prodet.serve.internal.http.Servlets;
import dev.prodet.serve.internal.http.V2Servlet;
import dev.prodet.serve.internal.image.ImageDecoder;
import dev.prodet.serve.internal.metrics.ServeMetrics;
import dev.prodet.serve.internal.repo.ModelRepository;
import dev.prodet.serve.internal.repo.RepositoryEvents;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;

/**
 * The edge runtime: model repository (polled on its own thread), ONNX Runtime sessions, the detect pipeline, the
 * servlets and one {@code Detector} service per serving model. The face preprocessor is a dynamic, greedy, optional reference: without it only aligned crops and
 * KServe tensors are served; with it, packages are checked against it when they load.
 */
@RequireHttpWhiteboard
@Component(
        service = EdgeServer.class,
        immediate = true,
        configurationPid = "dev.prodet.serve",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class EdgeServer {
    private final ServeSettings settings;
    private final ServeMetrics metrics = new ServeMetrics();
    private final ModelRepository repository;
    private final DetectService detect;
    private final ScheduledExecutorService poller;
    private final Servlets servlets;
    private final DetectorServices detectors;
    private final long startedAt = System.currentTimeMillis();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FacePreprocessor face;

    /** Builds everything, registers the servlets and starts polling the repository. */
    @Activate
    public EdgeServer(BundleContext ctx, Map<String, Object> config) {
        settings = ServeSettings.from(config::get, ctx::getProperty);
        // the detector services read the repository and pipeline only on their own thread, after construction
        detectors = new DetectorServices(ctx, this::repository, this::detect);
        repository = new ModelRepository(
                settings.models(),
                settings.policy(),
                settings.policies(),
                new OrtVersionLoader(settings, metrics),
                this::faceInfo,
                RepositoryEvents.both(metrics, RepositoryEvents.both(new RepositoryLog(System.err), detectors)),
                settings.settleMillis());
        ModelAccess access = new ModelAccess(repository, settings.defaultModel());
        detect = new DetectService(
                access, new ImageDecoder(settings.imageLimits()), this::faceStage, settings.maxFaces(), metrics);
        HttpSupport http = new HttpSupport(metrics, settings.token());
        String version = ctx.getBundle().getVersion().toString();
        servlets = new Servlets(
                ctx,
                new V2Servlet(
                        new KServeApi(access, version, settings.maxInferBatch(), settings.management(), this::faceInfo),
                        new RepositoryApi(repository, settings.management()),
                        http,
                        settings.maxInferBodyBytes()),
                new DetectServlet(detect, http, metrics, settings.maxBodyBytes()),
                new MetricsServlet(metrics, http),
                settings.maxBodyBytes());
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "prodet-model-poller");
            t.setDaemon(true);
            return t;
        });
        poller.execute(this::pollSafely); // the first scan loads at once; activation does not wait for it
        if (settings.pollMillis() > 0) {
            poller.scheduleWithFixedDelay(
                    this::pollSafely, settings.pollMillis(), settings.pollMillis(), TimeUnit.MILLISECONDS);
        }
        System.err.println("[prodet-serve] serving models from " + settings.models() + " " + settings.describe());
    }

    /** Stops polling, unregisters the servlets and closes every model version once its requests end. */
    @Deactivate
    public void deactivate() throws InterruptedException {
        servlets.close();
        poller.shutdownNow();
        poller.awaitTermination(30, TimeUnit.SECONDS);
        detectors.close();
        repository.close();
    }

    private void pollSafely() {
        try {
            repository.poll();
        } catch (RuntimeException e) { // a bad poll must not end polling
            System.err.println("[prodet-serve] polling " + settings.models() + " failed: " + e);
        }
    }

    private FacePreprocessorInfo faceInfo() {
        FacePreprocessor f = face;
        return f == null ? null : f.info();
    }

    private FaceStage faceStage() {
        FacePreprocessor f = face;
        return f == null ? null : new FacePreprocessorStage(f);
    }

    /** The settings in force. */
    public ServeSettings settings() {
        return settings;
    }

    /** The model repository. */
    public ModelRepository repository() {
        return repository;
    }

    /** The detect pipeline. */
    public DetectService detect() {
        return detect;
    }

    /** The metrics registry. */
    public ServeMetrics metrics() {
        return metrics;
    }

    /** The face preprocessor in use, or null. */
    public FacePreprocessorInfo facePreprocessor() {
        return faceInfo();
    }

    /** When the component started, epoch milliseconds. */
    public long startedAt() {
        return startedAt;
    }
}
