package dev.prodet.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Manifest;

/**
 * Finds the plugin components on the test class path the way the OSGi runtime does: through each bundle's
 * {@code Service-Component} manifest header and the descriptors it names. A contract test built on it covers every
 * plugin of a kind in the bundles under test, including ones added later, without a list to keep up to date.
 */
public final class PluginComponents {
    private PluginComponents() {}

    /** Descriptors of every component on the class path that provides {@code service}, in class-path order. */
    public static List<ComponentDescriptor> providing(Class<?> service) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<ComponentDescriptor> out = new ArrayList<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL manifest = manifests.nextElement();
                String header = serviceComponents(manifest);
                if (header == null) {
                    continue;
                }
                String base =
                        manifest.toString().substring(0, manifest.toString().length() - 20);
                for (String entry : header.split(",")) {
                    String path = entry.trim();
                    if (path.isEmpty() || path.contains("*")) {
                        continue; // bnd writes the file names; a wildcard would come from a hand-written header
                    }
                    ComponentDescriptor d = ComponentDescriptor.read(new URL(base + path));
                    if (d.services().contains(service.getName())) {
                        out.add(d);
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list the bundle manifests on the class path: " + e, e);
        }
        return out;
    }

    private static String serviceComponents(URL manifest) throws IOException {
        try (InputStream in = manifest.openStream()) {
            return new Manifest(in).getMainAttributes().getValue("Service-Component");
        }
    }

    /** A new instance of the component, as SCR makes one (public no-argument constructor). */
    public static <T> T instantiate(ComponentDescriptor d, Class<T> service) {
        try {
            Class<?> c = Class.forName(
                    d.implementation(), true, Thread.currentThread().getContextClassLoader());
            return service.cast(c.getConstructor().newInstance());
        } catch (ClassNotFoundException
                | NoSuchMethodException
                | InstantiationException
                | IllegalAccessException
                | InvocationTargetException e) {
            throw new AssertionError(
                    "cannot instantiate component " + d.implementation() + " with a public no-argument constructor: "
                            + e,
                    e);
        }
    }

    /** The value of {@code prodet.<kind>.name}, or a failure naming the component that lacks it. */
    public static String name(ComponentDescriptor d, String kind) {
        String name = d.properties().get("prodet." + kind + ".name");
        if (name == null || name.isBlank()) {
            throw new AssertionError(
                    d.implementation() + " provides a " + kind + " but has no prodet." + kind + ".name property");
        }
        return name;
    }
}
