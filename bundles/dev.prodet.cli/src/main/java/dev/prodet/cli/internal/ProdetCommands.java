package dev.prodet.cli.internal;

import dev.prodet.api.plugin.PluginProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** The platform verbs of Gogo scope {@code prodet}: {@code plugins} and {@code swap}. */
@Component(
        service = ProdetCommands.class,
        property = {"osgi.command.scope=prodet", "osgi.command.function=plugins", "osgi.command.function=swap"})
public final class ProdetCommands {
    /** How long {@code swap} waits for the consumers to rebind before it reports a failure. */
    static final long SWAP_WAIT_MILLIS = 5_000;

    private final PluginCatalog catalog;
    private final PluginConsumers consumers;
    private final PluginSwapper swapper;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunSwaps runs;

    @Activate
    public ProdetCommands(
            BundleContext context, @Reference ServiceComponentRuntime scr, @Reference ConfigurationAdmin configAdmin) {
        this.catalog = new PluginCatalog(context);
        this.consumers = new PluginConsumers(scr);
        this.swapper = new PluginSwapper(catalog, consumers, configAdmin, () -> runs);
    }

    @Descriptor("list every plugin service by kind: name, version, ranking, bundle, description")
    public String plugins() {
        return PluginTable.render(catalog.all(), inUse());
    }

    @Descriptor("list the plugins of one kind (generator, backbone, regularizer, ...)")
    public String plugins(@Descriptor("plugin kind") String kind) {
        PluginProperties.checkKind(kind);
        List<PluginInfo> list = catalog.ofKind(kind);
        if (list.isEmpty()) {
            List<String> kinds =
                    catalog.all().stream().map(PluginInfo::kind).distinct().toList();
            return "no " + kind + " plugins registered; kinds present: " + (kinds.isEmpty() ? "none" : kinds);
        }
        return PluginTable.render(list, inUse());
    }

    @Descriptor("make the consumers of a plugin kind use the named plugin (at their next step/request); a regularizer"
            + " swap applies to one training run")
    public String swap(
            @Descriptor("the training run to swap (needed when several runs are going)")
                    @Parameter(names = "--run", absentValue = "")
                    String run,
            @Descriptor("plugin kind, e.g. regularizer") String kind,
            @Descriptor("plugin name, e.g. opr-mc") String name)
            throws Exception {
        PluginSwapper.Outcome outcome = swapper.swap(kind, name, run.isEmpty() ? null : run, SWAP_WAIT_MILLIS);
        String text = String.join(System.lineSeparator(), outcome.lines());
        if (!outcome.allBound()) {
            throw new IllegalStateException("swap to " + kind + " '" + name + "' not applied within " + SWAP_WAIT_MILLIS
                    + " ms:" + System.lineSeparator() + text);
        }
        return text;
    }

    /** Plugin names in use: bound to components' references, or held by training runs. */
    private Map<String, List<String>> inUse() {
        Map<String, List<String>> out = new LinkedHashMap<>(consumers.boundNames());
        RunSwaps r = runs;
        if (r != null) {
            r.inUse().forEach((k, names) -> out.computeIfAbsent(k, x -> new ArrayList<>())
                    .addAll(names));
        }
        return out;
    }
}
