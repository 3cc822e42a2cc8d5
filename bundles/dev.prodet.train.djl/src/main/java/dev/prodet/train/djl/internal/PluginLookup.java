package dev.prodet.train.djl.internal;

import dev.prodet.api.plugin.PluginProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Gets plugins by kind and name for the length of a run, and releases them afterwards. An unknown name is an error
 * that lists the names available.
 */
final class PluginLookup implements AutoCloseable {
    private final BundleContext context;
    private final List<ServiceReference<?>> held = new ArrayList<>();

    PluginLookup(BundleContext context) {
        this.context = context;
    }

    <T> T get(Class<T> type, String kind, String name) {
        try {
            Collection<ServiceReference<T>> refs =
                    context.getServiceReferences(type, PluginProperties.targetFilter(kind, name));
            ServiceReference<T> best =
                    refs.stream().max(ServiceReference::compareTo).orElse(null);
            T service = best == null ? null : context.getService(best);
            if (service == null) {
                throw new IllegalArgumentException(
                        "unknown " + kind + " plugin '" + name + "'; available: " + names(type, kind));
            }
            held.add(best);
            return service;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad " + kind + " name '" + name + "': " + e.getMessage(), e);
        }
    }

    List<String> names(Class<?> type, String kind) {
        List<String> out = new ArrayList<>();
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(type.getName(), null);
            if (refs != null) {
                for (ServiceReference<?> r : refs) {
                    Object n = r.getProperty(PluginProperties.nameKey(kind));
                    if (n != null) {
                        out.add(n.toString());
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public void close() {
        for (ServiceReference<?> r : held) {
            context.ungetService(r);
        }
        held.clear();
    }
}
