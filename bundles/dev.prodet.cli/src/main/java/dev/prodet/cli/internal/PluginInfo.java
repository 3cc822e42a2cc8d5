package dev.prodet.cli.internal;

import dev.prodet.api.plugin.PluginProperties;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** What a plugin says about itself through its service properties; reading them never activates the plugin. */
record PluginInfo(
        String kind, String name, String version, String description, int ranking, long serviceId, String bundle) {

    static PluginInfo of(String kind, ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return new PluginInfo(
                kind,
                string(ref.getProperty(PluginProperties.nameKey(kind))),
                string(ref.getProperty(PluginProperties.versionKey(kind))),
                string(ref.getProperty(PluginProperties.descriptionKey(kind))),
                ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0,
                (Long) ref.getProperty(Constants.SERVICE_ID),
                b == null ? "-" : b.getSymbolicName() + " " + b.getVersion());
    }

    private static String string(Object o) {
        return o == null ? "-" : String.valueOf(o);
    }
}
