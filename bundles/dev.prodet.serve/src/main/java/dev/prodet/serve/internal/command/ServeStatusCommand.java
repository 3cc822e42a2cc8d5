package dev.prodet.serve.internal.command;

import dev.prodet.serve.internal.EdgeRuntime;
import dev.prodet.serve.internal.EdgeServer;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code prodet:serve-status [--wait SECONDS]}: readiness, HTTP endpoint, settings and every model version. With
 * {@code --wait} it first waits up to that long for readiness and fails if it is not reached (for scripts). A
 * {@link Function} because Gogo cannot map a hyphenated name to a Java method.
 */
@Component(
        service = Function.class,
        property = {"osgi.command.scope=prodet", "osgi.command.function=serve-status"})
public final class ServeStatusCommand implements Function {
    static final String USAGE = "usage: prodet:serve-status [--wait SECONDS]";
    private final EdgeServer server;
    private final BundleContext ctx;

    /** @param server the edge runtime */
    @Activate
    public ServeStatusCommand(BundleContext ctx, @Reference EdgeServer server) {
        this.ctx = ctx;
        this.server = server;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        long waitMillis = 0;
        for (int i = 0; i < arguments.size(); i++) {
            String a = String.valueOf(arguments.get(i));
            if (a.equals("--wait") && i + 1 < arguments.size()) {
                waitMillis = (long) (Double.parseDouble(String.valueOf(arguments.get(++i))) * 1000);
            } else {
                throw new IllegalArgumentException(USAGE);
            }
        }
        long deadline = System.currentTimeMillis() + waitMillis;
        EdgeRuntime runtime = server.runtime();
        while (!runtime.repository().ready() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        String text = StatusText.status(runtime, endpoints());
        if (waitMillis > 0 && !runtime.repository().ready()) {
            throw new IllegalStateException("not ready after " + waitMillis + " ms" + System.lineSeparator() + text);
        }
        return text;
    }

    // The whiteboard runtime publishes its URLs as osgi.http.endpoint.
    private String endpoints() throws InvalidSyntaxException {
        List<String> out = new ArrayList<>();
        ServiceReference<?>[] refs =
                ctx.getAllServiceReferences("org.osgi.service.servlet.runtime.HttpServiceRuntime", null);
        if (refs != null) {
            for (ServiceReference<?> r : refs) {
                Object e = r.getProperty("osgi.http.endpoint");
                if (e instanceof String[] a) {
                    out.addAll(List.of(a));
                } else if (e instanceof java.util.Collection<?> c) {
                    c.forEach(x -> out.add(String.valueOf(x)));
                } else if (e != null) {
                    out.add(e.toString());
                }
            }
        }
        return out.isEmpty() ? "no HTTP runtime" : String.join(", ", out);
    }
}
