package dev.prodet.cli.internal;

import dev.prodet.api.plugin.PluginProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Swaps the plugin a consumer uses. Plugins that training runs hold (the regularizer) are swapped in the run
 * addressed, through {@link RunSwaps}. Components' plugins are swapped by changing the target filter of their
 * reference through Configuration Admin: consumers hold plugins by dynamic, greedy references and declare a modified
 * method, so SCR rebinds them in place instead of re-activating them. The outcome reports SCR's view of the binding
 * (the component's DTO); SCR calls the consumer's bind method on its configuration thread, a moment after that view
 * names the new service.
 */
@Component(service = PluginSwapper.class)
public final class PluginSwapper {
    private final PluginCatalog catalog;
    private final PluginConsumers consumers;
    private final ConfigurationAdmin configAdmin;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunSwaps runs;

    /** DS constructor; {@code prodet:swap} and the swap requests from outside share this instance. */
    @Activate
    public PluginSwapper(
            BundleContext context, @Reference ServiceComponentRuntime scr, @Reference ConfigurationAdmin configAdmin) {
        this.catalog = new PluginCatalog(context);
        this.consumers = new PluginConsumers(scr);
        this.configAdmin = configAdmin;
    }

    PluginCatalog catalog() {
        return catalog;
    }

    /** Plugin names in use, by kind: bound to components' references, or held by training runs. */
    Map<String, List<String>> inUse() {
        Map<String, List<String>> out = new LinkedHashMap<>(consumers.boundNames());
        RunSwaps r = runs;
        if (r != null) {
            r.inUse().forEach((k, names) -> out.computeIfAbsent(k, x -> new ArrayList<>())
                    .addAll(names));
        }
        return out;
    }

    /** Result of a swap, one line per consumer. */
    record Outcome(List<String> lines, boolean allBound) {}

    /**
     * Swaps {@code kind} to {@code name}.
     *
     * @param runId the training run addressed, or {@code null} (a run kind: the only run going)
     */
    Outcome swap(String kind, String name, String runId, long waitMillis) throws IOException, InterruptedException {
        PluginProperties.checkKind(kind);
        RunSwaps r = runs;
        if (r != null && r.holds(kind)) {
            return new Outcome(List.of(r.swap(kind, name, runId, waitMillis)), true);
        }
        if (runId != null) {
            throw new IllegalArgumentException(
                    "--run addresses a training run, and no run in this runtime holds a '" + kind + "' plugin");
        }
        List<String> available =
                catalog.ofKind(kind).stream().map(PluginInfo::name).distinct().toList();
        if (!available.contains(name)) {
            throw new IllegalArgumentException("unknown " + kind + " plugin '" + name + "'; available: "
                    + (available.isEmpty() ? "none" : String.join(", ", available)));
        }
        List<ComponentDescriptionDTO> targets = consumers.consumersOf(kind);
        if (targets.isEmpty()) {
            throw new IllegalStateException("no running component holds a '" + kind + "' reference to swap");
        }
        String filter = PluginProperties.targetFilter(kind, name);
        for (ComponentDescriptionDTO d : targets) {
            Configuration c = configAdmin.getConfiguration(d.configurationPid[0], "?");
            Dictionary<String, Object> props = c.getProperties();
            if (props == null) {
                props = new Hashtable<>();
            }
            props.put(PluginProperties.targetKey(kind), filter);
            c.updateIfDifferent(props);
        }
        return awaitBinding(kind, name, targets, waitMillis);
    }

    private Outcome awaitBinding(String kind, String name, List<ComponentDescriptionDTO> targets, long waitMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (true) {
            List<String> lines = new ArrayList<>();
            boolean all = true;
            for (ComponentDescriptionDTO d : targets) {
                List<String> bound = consumers.boundNames(d, kind);
                boolean ok = bound.equals(List.of(name));
                all &= ok;
                lines.add(d.name + ": " + kind + " -> " + (bound.isEmpty() ? "(none)" : String.join(",", bound))
                        + (ok ? "" : " (expected " + name + ")"));
            }
            if (all || System.nanoTime() > deadline) {
                return new Outcome(lines, all);
            }
            Thread.sleep(20);
        }
    }
}
