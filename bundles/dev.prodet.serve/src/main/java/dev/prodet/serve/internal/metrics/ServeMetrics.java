package dev.prodet.serve.internal.metrics;

import dev.prodet.serve.internal.detect.DetectService;
import dev.prodet.serve.internal.infer.Runner;
import dev.prodet.serve.internal.load.MemoryBudget;
import dev.prodet.serve.internal.load.Workers;
import dev.prodet.serve.internal.repo.RepositoryEvents;
import dev.prodet.serve.internal.repo.VersionStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The runtime's metrics in their own registry (not the client's global default, which would outlive a bundle
 * update). It observes the repository, the runners and the detect stages.
 */
public final class ServeMetrics implements RepositoryEvents, Runner.Listener, DetectService.StageTimer {
    private static final double[] LATENCY = {.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};
    private static final double[] BATCH = {1, 2, 4, 8, 16, 32, 64};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests = Counter.builder()
            .name("prodet_requests")
            .help("HTTP requests by endpoint and status code")
            .labelNames("endpoint", "status")
            .register(registry);
    private final Histogram requestSeconds = Histogram.builder()
            .name("prodet_request_duration_seconds")
            .help("HTTP request latency by endpoint")
            .labelNames("endpoint")
            .classicOnly()
            .classicUpperBounds(LATENCY)
            .register(registry);
    private final Histogram stageSeconds = Histogram.builder()
            .name("prodet_stage_duration_seconds")
            .help("Latency of each stage of /v1/detect (decode, face, preprocess, queue, infer; video: a whole video)")
            .labelNames("stage")
            .classicOnly()
            .classicUpperBounds(LATENCY)
            .register(registry);
    private final Histogram batchSize = Histogram.builder()
            .name("prodet_batch_size")
            .help("Items per ONNX Runtime session run")
            .labelNames("model")
            .classicOnly()
            .classicUpperBounds(BATCH)
            .register(registry);
    private final Histogram runSeconds = Histogram.builder()
            .name("prodet_session_run_seconds")
            .help("Duration of ONNX Runtime session runs")
            .labelNames("model")
            .classicOnly()
            .classicUpperBounds(LATENCY)
            .register(registry);
    private final Gauge modelReady = Gauge.builder()
            .name("prodet_model_ready")
            .help("1 for each model version that serves")
            .labelNames("model", "version")
            .register(registry);
    private final Counter loadFailures = Counter.builder()
            .name("prodet_model_load_failures")
            .help("Model versions refused or failed to load")
            .labelNames("model")
            .register(registry);
    private final Counter detections = Counter.builder()
            .name("prodet_detections")
            .help("Detect answers by model and label (the fake ratio is a drift signal)")
            .labelNames("model", "label")
            .register(registry);

    /** Exposes the memory budget and the worker pool as gauges. */
    public void watch(MemoryBudget budget, Workers workers) {
        GaugeWithCallback.builder()
                .name("prodet_memory_reserved_bytes")
                .help("Bytes requests hold from the memory budget now")
                .callback(cb -> cb.call(budget.used()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("prodet_memory_budget_bytes")
                .help("The memory budget in bytes")
                .callback(cb -> cb.call(budget.capacity()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("prodet_workers_busy")
                .help("Worker threads running a request now")
                .callback(cb -> cb.call(workers.busy()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("prodet_requests_waiting")
                .help("Requests waiting for a worker now")
                .callback(cb -> cb.call(workers.pending()))
                .register(registry);
    }

    /** Counts a finished HTTP request. */
    public void request(String endpoint, int status, long nanos) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
        requestSeconds.labelValues(endpoint).observe(nanos / 1e9);
    }

    /** Counts a detect answer. */
    public void detection(String model, String label) {
        detections.labelValues(model, label).inc();
    }

    @Override
    public void stage(String stage, long nanos) {
        stageSeconds.labelValues(stage).observe(nanos / 1e9);
    }

    @Override
    public void batch(String model, String version, int size, long nanos) {
        batchSize.labelValues(model).observe(size);
        runSeconds.labelValues(model).observe(nanos / 1e9);
    }

    @Override
    public void loaded(VersionStatus s) {
        modelReady.labelValues(s.name(), s.version()).set(1);
    }

    @Override
    public void failed(VersionStatus s) {
        loadFailures.labelValues(s.name()).inc();
    }

    @Override
    public void unloaded(VersionStatus s) {
        modelReady.remove(s.name(), s.version());
    }

    /** Content type of {@link #write}. */
    public String contentType() {
        return writer.getContentType();
    }

    /** Writes every metric in the Prometheus text format. */
    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
