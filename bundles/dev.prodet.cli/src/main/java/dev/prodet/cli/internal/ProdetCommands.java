package dev.prodet.cli.internal;

import dev.prodet.api.plugin.PluginProperties;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The platform verbs of Gogo scope {@code prodet}: {@code plugins} and {@code swap}. */
@Component(service = ProdetCommands.class)
@GogoCommand(
        scope = "prodet",
        function = {"plugins", "swap"})
public final class ProdetCommands {
    /** How long {@code swap} waits for the consumers to rebind before it reports a failure. */
    static final long SWAP_WAIT_MILLIS = 5_000;

    private final PluginCatalog catalog;
    private final PluginSwapper swapper;

    @Activate
    public ProdetCommands(@Reference PluginSwapper swapper) {
        this.catalog = swapper.catalog();
        this.swapper = swapper;
    }

    @Descriptor("list every plugin service by kind: name, version, ranking, bundle, description")
    public String plugins() {
        return PluginTable.render(catalog.all(), swapper.inUse());
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
        return PluginTable.render(list, swapper.inUse());
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
}
