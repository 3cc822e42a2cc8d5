package dev.prodet.serve.internal;

import dev.prodet.face.FacePreprocessor;
import dev.prodet.serve.internal.api.KServeApi;
import dev.prodet.serve.internal.api.ModelAccess;
import dev.prodet.serve.internal.api.RepositoryApi;
import dev.prodet.serve.internal.detect.DetectService;
import dev.prodet.serve.internal.detect.FacePreprocessorStage;
import dev.prodet.serve.internal.detect.FaceStage;
import dev.prodet.serve.internal.detect.FaceStages;
import dev.prodet.serve.internal.http.AsyncRequests;
import dev.prodet.serve.internal.http.BearerToken;
import dev.prodet.serve.internal.http.DetectServlet;
import dev.prodet.serve.internal.http.ErrorPageServlet;
import dev.prodet.serve.internal.http.HttpSupport;
import dev.prodet.serve.internal.http.MetricsServlet;
import dev.prodet.serve.internal.http.ProdetContext;
import dev.prodet.serve.internal.http.Servlets;
import dev.prodet.serve.internal.http.V2Servlet;
import dev.prodet.serve.internal.http.jetty.JettyErrors;
import dev.prodet.serve.internal.image.ImageDecoder;
import dev.prodet.serve.internal.load.MemoryBudget;
import dev.prodet.serve.internal.load.Workers;
import dev.prodet.serve.internal.metrics.ServeMetrics;
import dev.prodet.serve.internal.repo.ModelRepository;
import dev.prodet.serve.internal.repo.RepositoryEvents;
import dev.prodet.serve.internal.video.VideoDecoder;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.felix.http.jetty.ConnectorFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge runtime: model repository (polled on its own thread), ONNX Runtime sessions, the detect pipeline on a
 * bounded worker pool under a memory budget, the servlets and one {@code Detector} service per serving model. The
 * face preprocessor is a dynamic, greedy, optional reference: without it only aligned crops and KServe tensors are
 * served; with it, packages are checked against it when they load.
 */
@RequireHttpWhiteboard
@Component(
        service = EdgeServer.class,
        immediate = true,
        configurationPid = "dev.prodet.serve",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class EdgeServer {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);

    private final EdgeRuntime runtime;
    private final Workers workers;
    private final AsyncRequests async;
    private final ScheduledExecutorService poller;
    private final Servlets servlets;
    private final ServiceRegistration<ConnectorFactory> jettyErrors;
    private final DetectorServices detectors;

    /** Builds everything, registers the servlets and starts polling the repository. */
    @Activate
    public EdgeServer(BundleContext ctx, Map<String, Object> config) {
        ServeSettings settings = ServeSettings.from(config::get, ctx::getProperty);
        ServeMetrics metrics = new ServeMetrics();
        FaceStages faces = new FaceStages();
        MemoryBudget budget = new MemoryBudget(
                settings.load().memoryBudgetBytes(), settings.load().retryAfterSeconds());
        workers = new Workers(
                settings.load().workers(),
                settings.load().maxPending(),
                settings.load().retryAfterSeconds());
        // the detector services read the repository and pipeline only on their own thread, after construction
        detectors = new DetectorServices(ctx, this::runtime);
        ModelRepository repository = new ModelRepository(
                settings.models(),
                settings.policy(),
                settings.policies(),
                new OrtVersionLoader(settings, metrics),
                faces::info,
                RepositoryEvents.both(metrics, RepositoryEvents.both(new RepositoryLog(), detectors)),
                settings.settleMillis());
        ModelAccess access = new ModelAccess(repository, settings.defaultModel());
        DetectService detect = new DetectService(
                access,
                new ImageDecoder(settings.imageLimits()),
                new VideoDecoder(settings.videoLimits(), settings.imageLimits()),
                budget,
                faces,
                new DetectService.Limits(
                        settings.maxFaces(),
                        settings.load().requestTimeoutMillis(),
                        FACE_WAIT_MILLIS,
                        settings.load().retryAfterSeconds()),
                metrics);
        runtime = new EdgeRuntime(settings, repository, detect, faces);
        HttpSupport http = new HttpSupport(metrics);
        metrics.watch(budget, workers);
        async = new AsyncRequests(http, workers, budget, settings.load());
        String version = ctx.getBundle().getVersion().toString();
        jettyErrors = ctx.registerService(ConnectorFactory.class, new JettyErrors(), null);
        servlets = new Servlets(
                ctx,
                new ProdetContext(new BearerToken(settings.token()), http),
                new V2Servlet(
                        new KServeApi(access, version, settings.maxInferBatch(), settings.management(), faces::info),
                        new RepositoryApi(repository, settings.management()),
                        http,
                        async,
                        settings.maxInferBodyBytes()),
                new DetectServlet(detect, http, async, settings.maxBodyBytes()),
                new MetricsServlet(metrics, http),
                new ErrorPageServlet(http));
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
        LOG.info("serving models from {} {}", settings.models(), settings.describe());
        StartupWarnings.log(settings, ctx::getProperty, System::getenv);
    }

    /** How long a request waits for a face preprocessor while one replaces another (a swap, a bundle update). */
    static final long FACE_WAIT_MILLIS = 5_000;

    /** The face preprocessor arrived or was replaced. */
    @Reference(
            name = "face",
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindFace")
    void bindFace(FacePreprocessor f) {
        runtime.faces().set(new FacePreprocessorStage(f));
    }

    void unbindFace(FacePreprocessor f) {
        FaceStage now = runtime.faces().now();
        if (now instanceof FacePreprocessorStage s && s.wraps(f)) {
            runtime.faces().remove(now);
        }
    }

    /** Stops polling, unregisters the servlets and closes every model version once its requests end. */
    @Deactivate
    public void deactivate() throws InterruptedException {
        servlets.close();
        jettyErrors.unregister();
        poller.shutdownNow();
        poller.awaitTermination(30, TimeUnit.SECONDS);
        async.close();
        workers.close();
        detectors.close();
        runtime.repository().close();
    }

    private void pollSafely() {
        try {
            runtime.repository().poll();
        } catch (RuntimeException e) { // a bad poll must not end polling
            LOG.warn("polling {} failed: {}", runtime.settings().models(), e.toString());
        }
    }

    /** The parts the shell commands and the {@code Detector} services read. */
    public EdgeRuntime runtime() {
        return runtime;
    }
}
