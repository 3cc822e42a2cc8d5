package dev.prodet.serve.internal.http.jetty;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * Puts {@link JsonErrorHandler} into Felix's Jetty server. Felix HTTP has no setting for Jetty's error handler; its one
 * hook that is handed the {@link Server} is {@link ConnectorFactory}. The connector returned here installs the handler
 * when Felix starts it and restores Jetty's own when Felix stops it (this bundle stopping, or Jetty restarting on new
 * settings); it never opens a socket or starts a thread. It is a {@link ServerConnector} only because Felix lists every
 * connector's host and port as the server's endpoints, so it mirrors those of the real connector.
 */
public final class JettyErrors implements ConnectorFactory {

    @Override
    public Connector createConnector(Server server) {
        return new Installer(server);
    }

    private static final class Installer extends ServerConnector {
        private final Map<ContextHandler, Request.Handler> contextsBefore = new IdentityHashMap<>();
        private Request.Handler serverBefore;

        Installer(Server server) {
            super(server, 0, 1);
            for (Connector c : server.getConnectors()) {
                if (c instanceof ServerConnector real && !(c instanceof Installer)) {
                    setHost(real.getHost());
                    setPort(real.getPort());
                    break;
                }
            }
        }

        @Override
        protected void doStart() {
            // no super.doStart(): nothing to accept, no selector to run
            Server server = getServer();
            JsonErrorHandler json = new JsonErrorHandler();
            serverBefore = server.getErrorHandler();
            server.setErrorHandler(json);
            for (ContextHandler c : server.getDescendants(ContextHandler.class)) {
                contextsBefore.put(c, c.getErrorHandler());
                c.setErrorHandler(json);
            }
        }

        @Override
        protected void doStop() {
            getServer().setErrorHandler(serverBefore);
            contextsBefore.forEach(ContextHandler::setErrorHandler);
            contextsBefore.clear();
        }
    }
}
