package dev.prodet.train.djl.internal;

import ai.djl.engine.Engine;
import dev.prodet.api.home.Workspace;
import dev.prodet.api.model.Provenance;
import dev.prodet.train.api.Trainer;
import dev.prodet.train.api.TrainingListener;
import dev.prodet.train.api.TrainingRequest;
import dev.prodet.train.api.TrainingRun;
import dev.prodet.train.djl.internal.config.ConfigLoader;
import dev.prodet.train.djl.internal.config.ExperimentConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The DJL trainer service. Each run holds its own regularizer strategy: the config names it, a
 * {@link RunRegularizer} finds it by plugin name in the service registry, and only
 * {@link TrainingRun#swapRegularizer} on that run (what {@code prodet:swap regularizer NAME --run ID} calls)
 * changes it, at the run's next step boundary. Starting or steering one run never touches another. Immediate, so
 * that runs keep their trainer while no client holds the service.
 */
@Component(
        service = Trainer.class,
        immediate = true,
        property = {
            "prodet.trainer.name=djl",
            "prodet.trainer.version=1.0.0",
            "prodet.trainer.description=DJL PyTorch trainer (CPU or GPU), ProDet batches of aligned tuples",
            "service.ranking:Integer=0"
        })
public final class DjlTrainer implements Trainer {
    /** How long a new run waits for its strategy's service (strategy bundles may still be starting). */
    private static final long STRATEGY_WAIT_MILLIS = 5_000;

    private final BundleContext context;
    private final Object starting = new Object();
    private final List<TrainingRun> runs = new CopyOnWriteArrayList<>();
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public DjlTrainer(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(TrainingListener l) {
        listeners.add(l);
    }

    void removeListener(TrainingListener l) {
        listeners.remove(l);
    }

    @Override
    public TrainingRun start(TrainingRequest request) throws IOException {
        ExperimentConfig config = load(request);
        synchronized (starting) { // one start at a time, so two runs of one id cannot both pass the check
            for (TrainingRun r : runs) {
                if (r.id().equals(request.runId()) && !r.state().isTerminal()) {
                    throw new IllegalArgumentException("run " + request.runId() + " is already running in this "
                            + "runtime; choose another --run-id or cancel it first");
                }
            }
            Prepared p = prepare(request, config);
            Thread worker = new Thread(
                    () -> {
                        try {
                            p.runner().run();
                        } finally {
                            p.plugins().close();
                        }
                    },
                    "prodet-train-" + request.runId());
            worker.setContextClassLoader(Engine.class.getClassLoader());
            worker.start();
            runs.add(p.runner());
            return p.runner();
        }
    }

    /**
     * A run built but not started, its config, its strategy and the plugin lookup its plugins came from: {@link
     * #start} runs it on its own thread (the runner closes the strategy); the benchmark drives it and closes both.
     */
    record Prepared(TrainingRunner runner, PluginLookup plugins, RunRegularizer strategy, ExperimentConfig config) {}

    /** Builds a run without starting it. */
    Prepared prepare(TrainingRequest request) throws IOException {
        return prepare(request, load(request));
    }

    private ExperimentConfig load(TrainingRequest request) throws IOException {
        return ConfigLoader.load(home().resolve(request.config()), overrideList(request));
    }

    /** The launcher's {@code git describe} of the checkout, else this bundle's version. */
    static String codeVersion(Function<String, String> properties, Version bundleVersion) {
        String v = properties.apply(Provenance.CODE_VERSION_PROPERTY);
        return v == null || v.isBlank() ? "dev.prodet.train.djl " + bundleVersion : v.strip();
    }

    private Path home() {
        return Workspace.folder(context::getProperty);
    }

    private RunRegularizer strategyOf(String name) throws IOException {
        try {
            return new RunRegularizer(context, name, STRATEGY_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while looking up regularizer " + name, e);
        }
    }

    private Prepared prepare(TrainingRequest request, ExperimentConfig config) throws IOException {
        RunRegularizer strategy = strategyOf(config.regularizer().name());
        PluginLookup plugins = new PluginLookup(context);
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(Engine.class.getClassLoader()); // DJL finds its engine through the TCCL
        try {
            TrainingRunner runner = new RunFactory(
                            home(),
                            plugins,
                            System.out,
                            codeVersion(
                                    context::getProperty, context.getBundle().getVersion()))
                    .create(request, config, strategy, List.copyOf(listeners));
            return new Prepared(runner, plugins, strategy, config);
        } catch (RuntimeException | IOException e) {
            strategy.close();
            plugins.close();
            throw e;
        } finally {
            t.setContextClassLoader(old);
        }
    }

    @Override
    public List<TrainingRun> runs() {
        return List.copyOf(runs);
    }

    private static List<String> overrideList(TrainingRequest r) {
        return r.overrides().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
    }

    static Map<String, String> parseOverrides(List<String> sets) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set needs key.path=value, got '" + s + "'");
            }
            out.put(s.substring(0, eq), s.substring(eq + 1));
        }
        return out;
    }
}
