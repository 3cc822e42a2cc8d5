package dev.prodet.cli.internal;

import dev.prodet.api.plugin.PluginProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Lists plugin services by their {@code prodet.<kind>.name} property, the way Eclipse lists extensions: from
 * metadata only, so delayed components stay unactivated.
 */
final class PluginCatalog {
    private final BundleContext context;

    PluginCatalog(BundleContext context) {
        this.context = context;
    }

    List<PluginInfo> all() {
        List<PluginInfo> out = new ArrayList<>();
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(null, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs != null) {
            for (ServiceReference<?> ref : refs) {
                for (String key : ref.getPropertyKeys()) {
                    String kind = PluginProperties.kindOfNameKey(key);
                    if (kind != null) {
                        out.add(PluginInfo.of(kind, ref));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(PluginInfo::kind)
                .thenComparing(Comparator.comparingInt(PluginInfo::ranking).reversed())
                .thenComparing(PluginInfo::name));
        return out;
    }

    List<PluginInfo> ofKind(String kind) {
        return all().stream().filter(p -> p.kind().equals(kind)).toList();
    }
}
