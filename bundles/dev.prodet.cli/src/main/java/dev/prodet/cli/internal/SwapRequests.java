package dev.prodet.cli.internal;

import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Swap requests from outside the running JVM. {@code ./prodet swap KIND NAME [--run ID]} writes
 * {@code deploy/dev.prodet.swap-KIND[-ID].cfg} ({@code kind=KIND}, {@code name=NAME}, {@code run=ID}); FileInstall
 * turns it into a factory configuration of PID {@value #PID}, and this component applies it with the same swapper
 * as {@code prodet:swap}. The outcome is printed on the runtime's console.
 */
@Component(
        configurationPid = SwapRequests.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
public final class SwapRequests {
    static final String PID = "dev.prodet.swap";

    private final PluginSwapper swapper;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunSwaps runs;

    @Activate
    public SwapRequests(
            BundleContext context,
            @Reference ServiceComponentRuntime scr,
            @Reference ConfigurationAdmin configAdmin,
            Map<String, Object> config) {
        this.swapper = new PluginSwapper(new PluginCatalog(context), new PluginConsumers(scr), configAdmin, () -> runs);
        apply(config);
    }

    @Modified
    void modified(Map<String, Object> config) {
        apply(config);
    }

    private void apply(Map<String, Object> config) {
        Object kind = config.get("kind");
        Object name = config.get("name");
        Object run = config.get("run");
        String target = run == null ? "" : " (run " + run + ")";
        if (kind == null || name == null) {
            System.err.println("[prodet] swap request " + config.get("felix.fileinstall.filename")
                    + " ignored: it needs both kind= and name=");
            return;
        }
        // off the configuration thread: the swap waits for SCR to rebind, which needs that thread
        Thread t = new Thread(
                () -> {
                    try {
                        PluginSwapper.Outcome o = swapper.swap(
                                String.valueOf(kind),
                                String.valueOf(name),
                                run == null ? null : String.valueOf(run),
                                ProdetCommands.SWAP_WAIT_MILLIS);
                        System.err.println("[prodet] swap " + kind + " -> " + name + target
                                + (o.allBound() ? "" : " NOT applied") + ": " + String.join("; ", o.lines()));
                    } catch (Exception e) {
                        System.err.println(
                                "[prodet] swap " + kind + " -> " + name + target + " failed: " + e.getMessage());
                    }
                },
                "prodet-swap-request");
        t.setDaemon(true);
        t.start();
    }
}
