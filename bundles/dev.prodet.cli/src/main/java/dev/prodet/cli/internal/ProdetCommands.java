package dev.prodet.cli.internal;

import dev.prodet.api.plugin.PluginProperties;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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

    @Activate
    public ProdetCommands(
            BundleContext context, @Reference ServiceComponentRuntime scr, @Reference ConfigurationAdmin configAdmin) {
        this.catalog = new PluginCatalog(context);
        this.consumers = new PluginConsumers(scr);
        this.swapper = new PluginSwapper(catalog, consumers, configAdmin);
    }

    @Descriptor("list every plugin service by kind: name, version, ranking, bundle, description")
    public String plugins() {
        return PluginTable.render(catalog.all(), consumers.boundNames());
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
        return PluginTable.render(list, consumers.boundNames());
    }

    @Descriptor("make every consumer of a plugin kind use the named plugin (takes effect at its next step/request)")
    public String swap(
            @Descriptor("plugin kind, e.g. regularizer") String kind,
            @Descriptor("plugin name, e.g. opr-mc") String name)
            throws Exception {
        PluginSwapper.Outcome outcome = swapper.swap(kind, name, SWAP_WAIT_MILLIS);
        String text = String.join(System.lineSeparator(), outcome.lines());
        if (!outcome.allBound()) {
            throw new IllegalStateException("swap to " + kind + " '" + name + "' not applied within " + SWAP_WAIT_MILLIS
                    + " ms:" + System.lineSeparator() + text);
        }
        return text;
    }
}
