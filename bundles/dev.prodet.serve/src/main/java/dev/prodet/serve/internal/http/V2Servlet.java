package dev.prodet.serve.internal.http;

import dev.prodet.api.serve.ApiException;
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
 * {@code /v2/*}: KServe v2 server and model metadata, health, readiness and inference (JSON tensors or the binary
 * tensor data extension), plus the model-repository extension when management is on. Health and metadata are
 * answered on the HTTP thread (cheap, no lock); inference goes the way of every heavy request ({@link
 * AsyncRequests}).
 */
public final class V2Servlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient KServeApi api;
    private final transient RepositoryApi repository;
    private final transient HttpSupport http;
    private final transient AsyncRequests async;
    private final long maxBody;

    /**
     * @param api the KServe handlers
     * @param repository the repository extension
     * @param http shared support
     * @param async the path of heavy requests
     * @param maxBody largest inference body in bytes
     */
    public V2Servlet(KServeApi api, RepositoryApi repository, HttpSupport http, AsyncRequests async, long maxBody) {
        this.api = api;
        this.repository = repository;
        this.http = http;
        this.async = async;
        this.maxBody = maxBody;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> s = segments(req.getPathInfo());
        String method = req.getMethod();
        int n = s.size();
        boolean infer = n >= 3
                && s.get(0).equals("models")
                && s.get(n - 1).equals("infer")
                && (n == 3 || n == 5 && s.get(2).equals("versions"));
        if (infer && method.equals("POST")) {
            String name = s.get(1);
            String version = n == 5 ? s.get(3) : null;
            String header = req.getHeader(HttpSupport.INFERENCE_HEADER_LENGTH);
            async.handle(req, resp, "v2_infer", maxBody, (body, memory) -> api.infer(name, version, body, header));
            return;
        }
        boolean health = n == 2 && s.get(0).equals("health");
        String endpoint = health
                ? "v2_health"
                : n == 0
                        ? "v2_server"
                        : s.get(0).equals("repository") ? "v2_repository" : infer ? "v2_infer" : "v2_model";
        http.handle(req, resp, endpoint, () -> dispatch(req, s, method));
    }

    private Reply dispatch(HttpServletRequest req, List<String> s, String method) throws ApiException {
        int n = s.size();
        if (n == 0) {
            return get(method, api::server);
        }
        if (n == 2 && s.get(0).equals("health")) {
            switch (s.get(1)) {
                case "live":
                    return get(method, api::live);
                case "ready":
                    return get(
                            method,
                            () -> api.ready(Boolean.TRUE.equals(req.getAttribute(ProdetContext.AUTHENTICATED))));
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
                throw notAllowed("POST", method);
            }
        }
        if (s.get(0).equals("repository")) {
            if (n == 2 && s.get(1).equals("index")) {
                if (!method.equals("GET") && !method.equals("POST")) {
                    throw notAllowed("POST", method);
                }
                return repository.index();
            }
            if (n == 4
                    && s.get(1).equals("models")
                    && (s.get(3).equals("load") || s.get(3).equals("unload"))) {
                if (!method.equals("POST")) {
                    throw notAllowed("POST", method);
                }
                return s.get(3).equals("load") ? repository.load(s.get(2)) : repository.unload(s.get(2));
            }
        }
        throw ApiException.notFound("no-endpoint", "no endpoint " + method + " /v2/" + String.join("/", s));
    }

    private interface Get {
        Reply get() throws ApiException;
    }

    private static Reply get(String method, Get g) throws ApiException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw notAllowed("GET", method);
        }
        return g.get();
    }

    private static ApiException notAllowed(String allowed, String method) {
        return new ApiException(405, "method-not-allowed", "use " + allowed + " here, not " + method);
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
