package dev.prodet.serve.internal.http;

import dev.prodet.api.serve.ApiException;
import dev.prodet.serve.internal.api.Reply;
import dev.prodet.serve.internal.detect.DetectOptions;
import dev.prodet.serve.internal.detect.DetectResult;
import dev.prodet.serve.internal.detect.DetectService;
import dev.prodet.serve.internal.metrics.ServeMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/detect}: a JPEG, PNG, MP4 or WebM as the raw body ({@code image/jpeg}, {@code image/png},
 * {@code video/mp4}, {@code video/webm}, {@code application/octet-stream}) or as a multipart form field
 * ({@code image} or {@code file}); query parameters {@code model}, {@code version}, {@code aligned=true} (the image is
 * already an aligned face crop), {@code heatmap=true} (each face's attention map as a PNG data URL) and
 * {@code frames=N} (frames scored of a video).
 */
public final class DetectServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> RAW_TYPES =
            Set.of("image/jpeg", "image/png", "video/mp4", "video/webm", "application/octet-stream");

    private final transient DetectService detect;
    private final transient HttpSupport http;
    private final transient AsyncRequests async;
    private final transient ServeMetrics metrics;
    private final long maxBody;

    /**
     * @param detect the pipeline
     * @param http shared support
     * @param async the path of heavy requests
     * @param maxBody largest body in bytes
     */
    public DetectServlet(DetectService detect, HttpSupport http, AsyncRequests async, long maxBody) {
        this.detect = detect;
        this.http = http;
        this.async = async;
        this.metrics = http.metrics();
        this.maxBody = maxBody;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        DetectOptions opt;
        boolean multipart;
        try {
            if (!req.getMethod().equals("POST")) {
                throw new ApiException(
                        405, "method-not-allowed", "POST an image or a video to /v1/detect, not " + req.getMethod());
            }
            multipart = mediaType(req);
            opt = new DetectOptions(
                    param(req, "model"),
                    param(req, "version"),
                    flag(param(req, "aligned")),
                    flag(param(req, "heatmap")),
                    frames(param(req, "frames")));
        } catch (ApiException e) {
            http.writeError(resp, e, req.getMethod().equals("POST"));
            metrics.request("detect", e.status(), 0);
            return;
        }
        String type = req.getContentType();
        async.handle(req, resp, "detect", maxBody, (body, memory) -> {
            byte[] media = body;
            if (multipart) {
                media = Multipart.file(body, type);
                memory.grow(media.length, "the multipart file");
            }
            DetectResult r = detect.detect(media, opt);
            metrics.detection(r.model(), r.label());
            return Reply.ok(r.toJson());
        });
    }

    /** True for multipart; 415 for a type that is not accepted. */
    private static boolean mediaType(HttpServletRequest req) throws ApiException {
        String type = req.getContentType() == null
                ? ""
                : req.getContentType().toLowerCase(Locale.ROOT).trim();
        if (type.startsWith("multipart/form-data")) {
            return true;
        }
        String base = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type;
        if (RAW_TYPES.contains(base)) {
            return false;
        }
        throw new ApiException(
                415,
                "unsupported-media-type",
                (type.isEmpty() ? "the request has no Content-Type" : "Content-Type " + type + " is not accepted")
                        + "; send image/jpeg, image/png, video/mp4, video/webm, application/octet-stream or"
                        + " multipart/form-data with an 'image' field");
    }

    private static int frames(String v) throws ApiException {
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad-frames", "frames must be a whole number >= 1, got '" + v + "'");
        }
    }

    /** A query parameter (parsed here: the body is read later, asynchronously, so no form field is consulted). */
    static String param(HttpServletRequest req, String name) throws ApiException {
        String q = req.getQueryString();
        if (q == null) {
            return null;
        }
        try {
            return fromQuery(q, name).orElse(null);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad-query", "the query string cannot be decoded: " + e.getMessage());
        }
    }

    private static Optional<String> fromQuery(String q, String name) {
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static boolean flag(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }
}
