package dev.prodet.train.djl.internal;

import ai.djl.engine.Engine;
import dev.prodet.api.plugin.PluginProperties;
import dev.prodet.train.api.RegularizerStrategy;
import dev.prodet.train.api.Trainer;
import dev.prodet.train.api.TrainingListener;
import dev.prodet.train.api.TrainingRequest;
import dev.prodet.train.api.TrainingRun;
import dev.prodet.train.djl.internal.config.ConfigLoader;
import dev.prodet.train.djl.internal.config.ExperimentConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The DJL trainer service. It holds the regularizer strategy by a dynamic, greedy reference named
 * {@code regularizer}; {@code prodet:swap regularizer NAME} (or a strategy bundle of higher ranking) rebinds it
 * without re-activating the trainer, and each running run picks the new strategy up at its next step boundary.
 * Immediate, so that runs keep their trainer while no client holds the service.
 */
@Component(
        service = Trainer.class,
        configurationPid = DjlTrainer.PID,
        immediate = true,
        property = {
            "prodet.trainer.name=djl",
            "prodet.trainer.version=1.0.0",
            "prodet.trainer.description=DJL PyTorch trainer (CPU or GPU), ProDet batches of aligned tuples",
            "service.ranking:Integer=0"
        })
public final class DjlTrainer implements Trainer {
    static final String PID = "dev.prodet.train.djl.trainer";
    /** Framework property: the folder experiment paths, runs/ and data/ are relative to (the repository root). */
    static final String WORKSPACE = "prodet.workspace";

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final AtomicReference<RegularizerStrategy> regularizer = new AtomicReference<>();
    private final List<TrainingRun> runs = new CopyOnWriteArrayList<>();
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public DjlTrainer(BundleContext context, @Reference ConfigurationAdmin configAdmin) {
        this.context = context;
        this.configAdmin = configAdmin;
    }

    @Modified
    void modified() {
        // a new regularizer.target is applied by SCR rebinding the dynamic reference
    }

    @Reference(
            name = "regularizer",
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRegularizer(RegularizerStrategy s) {
        regularizer.set(s);
    }

    void unbindRegularizer(RegularizerStrategy s) {
        regularizer.compareAndSet(s, null);
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
        Prepared p = prepare(request);
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

    /** A run built but not started, its config, and the plugin lookup its plugins came from (close when done). */
    record Prepared(TrainingRunner runner, PluginLookup plugins, ExperimentConfig config) {}

    /** Builds a run without starting it: {@link #start} runs it on its own thread, the benchmark drives it. */
    Prepared prepare(TrainingRequest request) throws IOException {
        String ws = context.getProperty(WORKSPACE);
        Path home = Path.of(ws != null ? ws : System.getProperty("user.dir"));
        ExperimentConfig config = ConfigLoader.load(home.resolve(request.config()), overrideList(request));
        selectRegularizer(config.regularizer().name());
        PluginLookup plugins = new PluginLookup(context);
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(Engine.class.getClassLoader()); // DJL finds its engine through the TCCL
        try {
            return new Prepared(
                    new RunFactory(home, plugins, System.out).create(request, regularizer::get, List.copyOf(listeners)),
                    plugins,
                    config);
        } catch (RuntimeException | IOException e) {
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

    /** Points the regularizer reference at the config's strategy and waits (briefly) for SCR to rebind. */
    private void selectRegularizer(String name) throws IOException {
        RegularizerStrategy current = regularizer.get();
        if (current != null && current.name().equals(name)) {
            return;
        }
        Configuration c = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put(PluginProperties.targetKey("regularizer"), PluginProperties.targetFilter("regularizer", name));
        c.updateIfDifferent(props);
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            RegularizerStrategy s = regularizer.get();
            if (s != null && s.name().equals(name)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while selecting regularizer " + name, e);
            }
        }
        List<String> names = new PluginLookup(context).names(RegularizerStrategy.class, "regularizer");
        throw new IllegalArgumentException("unknown regularizer plugin '" + name + "'; available: " + names);
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
