package dev.prodet.eval.internal.command;

import dev.prodet.api.data.DatasetProvider;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.home.Workspace;
import dev.prodet.api.model.ScorerFactory;
import dev.prodet.api.plugin.PluginProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
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
@Component(service = EvalCommands.class)
@GogoCommand(scope = "prodet", function = "eval")
public final class EvalCommands {
    private final Path workspace;

    /** Scorer factories with their service properties; DS replaces the list as services come and go. */
    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, ScorerFactory>> scorers = List.of();

    /** Forgery generators with their service properties, as {@link #scorers}. */
    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, ForgeryGenerator>> generators = List.of();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            target = "(prodet.dataset.name=prepared)")
    private volatile DatasetProvider datasets;

    @Activate
    public EvalCommands(BundleContext context) {
        this.workspace = Workspace.folder(context::getProperty);
    }

    @Descriptor("evaluate a model package or checkpoint on prepared datasets: AUC table, report in runs/<id>/report")
    public String eval(
            @Descriptor("--model DIR --dataset DIR... [--split test] [--robustness] [--forge all|GEN,...]"
                            + " [--out DIR]")
                    String... args)
            throws Exception {
        EvalArgs a = EvalArgs.parse(args);
        EvalRunner.Result r = new EvalRunner(
                        workspace,
                        plugins("scorer", scorers),
                        datasets,
                        EvalRunner.byName(plugins("generator", generators)))
                .run(a, System.out::println);
        return r.table() + "\nreport: " + r.dir().resolve("index.html");
    }

    private static <T> List<Plugin<T>> plugins(String kind, List<Map.Entry<Map<String, Object>, T>> services) {
        return services.stream()
                .map(e -> plugin(kind, e.getValue(), e.getKey()))
                .toList();
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
