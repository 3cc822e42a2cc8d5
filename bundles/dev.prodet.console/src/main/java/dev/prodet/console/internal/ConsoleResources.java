package dev.prodet.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves the pages under {@code /console/} from this bundle's {@code console/} folder, in the runtime's HTTP
 * server, on the host and port the runtime binds, and says once where they are. The whiteboard serves the resources
 * the service properties name; the object itself carries no code.
 */
@Component(service = ConsoleResources.class, immediate = true)
@HttpWhiteboardResource(pattern = "/console/*", prefix = "/console")
public final class ConsoleResources {

    @Activate
    public ConsoleResources(@Reference(service = HttpServiceRuntime.class) Map<String, Object> http) {
        List<String> urls = new ArrayList<>();
        Object endpoints = http.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        if (endpoints instanceof String s) {
            urls.add(s);
        } else if (endpoints instanceof String[] a) {
            urls.addAll(List.of(a));
        } else if (endpoints instanceof java.util.Collection<?> c) {
            c.forEach(e -> urls.add(String.valueOf(e)));
        }
        for (String u : urls) {
            System.out.println("[console] " + (u.endsWith("/") ? u : u + "/") + "console/");
        }
    }
}
