package dev.prodet.serve.internal;

import dev.prodet.api.serve.ServeToken;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an operator should know at start: an open server beyond loopback, a token others can read, telemetry. */
final class StartupWarnings {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);

    private StartupWarnings() {}

    static void log(ServeSettings s, Function<String, String> framework, Function<String, String> env) {
        String host = framework.apply("org.apache.felix.http.host");
        if (s.token().isEmpty() && !loopback(host)) {
            LOG.warn(
                    "listening on {} without a bearer token: anyone who can reach this port can use the models; set"
                            + " tokenFile or {}",
                    host == null ? "all interfaces" : host,
                    ServeToken.ENV);
        }
        if (s.tokenSource().equals("command line")) {
            LOG.warn(
                    "the bearer token was given as -D{}token, which every user of this machine can read in the"
                            + " process list; use tokenFile or {} instead",
                    ServeSettings.PREFIX,
                    ServeToken.ENV);
        }
        if (s.management() && s.token().isEmpty()) {
            LOG.warn("management is on but no token is set: the model-repository API refuses every request until one"
                    + " is");
        }
        if (!"1".equals(env.apply("ORT_DISABLE_TELEMETRY"))) {
            LOG.warn("ORT_DISABLE_TELEMETRY is not 1: ONNX Runtime keeps a device id and telemetry under"
                    + " ~/.cache/Microsoft (bin/run.sh sets it)");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (s.load().memoryBudgetBytes() > heap * 8 / 10) {
            LOG.warn(
                    "memoryBudgetBytes ({} MiB) is more than 80% of the heap ({} MiB): requests may run the heap out"
                            + " before the budget refuses them; lower it or raise the heap",
                    s.load().memoryBudgetBytes() >> 20, heap >> 20);
        }
    }

    static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
