package dev.prodet.serve.internal.http;

import dev.prodet.serve.internal.api.ApiException;
import dev.prodet.serve.internal.api.KServeApi;
import dev.prodet.serve.internal.api.Reply;
import dev.prodet.serve.internal.api.RepositoryApi;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v2/*}: KServe v2 server and model metadata, health, readiness and inference, plus the model-repository
 * extension when management is on. Health endpoints need no token, so probes work without secrets.
 */
public final class V2Servlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient KServeApi api;
    private final transient RepositoryApi repository;
    private final transient HttpSupport http;
    private final long maxBody;

    /**
     * @param api the KServe handlers
     * @param repository the repository extension
     * @param http shared support
     * @param maxBody largest inference body in bytes
     */
    public V2Servlet(KServeApi api, RepositoryApi repository, HttpSupport http, long maxBody) {
        this.api = api;
        this.repository = repository;
        this.http = http;
        this.maxBody = maxBody;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        route(req, resp, "GET");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        route(req, resp, "POST");
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, String method) throws IOException {
        List<String> s = segments(req.getPathInfo());
        boolean health = s.size() == 2 && s.get(0).equals("health");
        String endpoint = health
                ? "v2_health"
                : s.isEmpty()
                        ? "v2_server"
                        : s.get(0).equals("repository")
                                ? "v2_repository"
                                : !s.isEmpty() && s.get(s.size() - 1).equals("infer") ? "v2_infer" : "v2_model";
        http.handle(req, resp, endpoint, !health, () -> dispatch(req, s, method));
    }

    private Reply dispatch(HttpServletRequest req, List<String> s, String method) throws ApiException, IOException {
        int n = s.size();
        if (n == 0) {
            return get(method, api::server);
        }
        if (n == 2 && s.get(0).equals("health")) {
            switch (s.get(1)) {
                case "live":
                    return get(method, api::live);
                case "ready":
                    return get(method, api::ready);
                default:
                    break;
            }
        }
        if (s.get(0).equals("models") && n >= 2) {
            String name = s.get(1);
            String version = null;
            int rest = 2;
            if (n >= 4 && s.get(2).equals("versions")) {
                version = s.get(3);
                rest = 4;
            }
            String v = version;
            if (n == rest) {
                return get(method, () -> api.modelMetadata(name, v));
            }
            if (n == rest + 1 && s.get(rest).equals("ready")) {
                return get(method, () -> api.modelReady(name, v));
            }
            if (n == rest + 1 && s.get(rest).equals("infer")) {
                requirePost(method);
                return api.infer(name, v, HttpSupport.readBody(req, maxBody));
            }
        }
        if (s.get(0).equals("repository")) {
            if (n == 2 && s.get(1).equals("index")) {
                return repository.index();
            }
            if (n == 4
                    && s.get(1).equals("models")
                    && (s.get(3).equals("load") || s.get(3).equals("unload"))) {
                requirePost(method);
                return s.get(3).equals("load") ? repository.load(s.get(2)) : repository.unload(s.get(2));
            }
        }
        throw ApiException.notFound("no-endpoint", "no endpoint " + method + " /v2/" + String.join("/", s));
    }

    private interface Get {
        Reply get() throws ApiException;
    }

    private static Reply get(String method, Get g) throws ApiException {
        if (!method.equals("GET")) {
            throw new ApiException(405, "method-not-allowed", "use GET here, not " + method);
        }
        return g.get();
    }

    private static void requirePost(String method) throws ApiException {
        if (!method.equals("POST")) {
            throw new ApiException(405, "method-not-allowed", "use POST here, not " + method);
        }
    }

    static List<String> segments(String pathInfo) {
        List<String> out = new ArrayList<>();
        if (pathInfo != null) {
            for (String p : pathInfo.split("/")) {
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
