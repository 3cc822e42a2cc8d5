package dev.prodet.eval.internal.command;

import dev.prodet.api.data.DatasetProvider;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.model.ScorerFactory;
import dev.prodet.api.plugin.PluginProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code prodet:eval}: evaluates a model package or checkpoint on prepared datasets and writes the report. Scorer
 * plugins and generators are tracked dynamically, so installing the training feature later adds checkpoints (djl)
 * and the forgery anchors of the feature map without restarting.
 */
@Component(
        service = EvalCommands.class,
        property = {"osgi.command.scope=prodet", "osgi.command.function=eval"})
public final class EvalCommands {
    private final Path workspace;
    private final List<Plugin<ScorerFactory>> scorers = new CopyOnWriteArrayList<>();
    private final List<Plugin<ForgeryGenerator>> generators = new CopyOnWriteArrayList<>();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            target = "(prodet.dataset.name=prepared)")
    private volatile DatasetProvider datasets;

    @Activate
    public EvalCommands(BundleContext context) {
        String h = context.getProperty("prodet.workspace");
        this.workspace = Path.of(h == null ? System.getProperty("user.dir") : h);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addScorer(ScorerFactory f, Map<String, Object> props) {
        scorers.add(plugin("scorer", f, props));
    }

    void removeScorer(ScorerFactory f) {
        scorers.removeIf(p -> p.service() == f);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addGenerator(ForgeryGenerator g, Map<String, Object> props) {
        generators.add(plugin("generator", g, props));
    }

    void removeGenerator(ForgeryGenerator g) {
        generators.removeIf(p -> p.service() == g);
    }

    @Descriptor("evaluate a model package or checkpoint on prepared datasets: AUC table, report in runs/<id>/report")
    public String eval(
            @Descriptor("--model DIR --dataset DIR... [--split test] [--robustness] [--forge all|GEN,...]"
                            + " [--out DIR]")
                    String... args)
            throws Exception {
        EvalArgs a = EvalArgs.parse(args);
        EvalRunner.Result r = new EvalRunner(
                        workspace, List.copyOf(scorers), datasets, EvalRunner.byName(List.copyOf(generators)))
                .run(a, System.out::println);
        return r.table() + "\nreport: " + r.dir().resolve("index.html");
    }

    private static <T> Plugin<T> plugin(String kind, T service, Map<String, Object> props) {
        Object name = props.get(PluginProperties.nameKey(kind));
        Object rank = props.get("service.ranking");
        return new Plugin<>(
                name == null ? service.getClass().getName() : name.toString(),
                rank instanceof Integer i ? i : 0,
                service);
    }
}
