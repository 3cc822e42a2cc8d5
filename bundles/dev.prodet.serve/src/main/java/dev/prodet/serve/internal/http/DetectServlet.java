package dev.prodet.serve.internal.http;

import dev.prodet.serve.internal.api.ApiException;
import dev.prodet.serve.internal.api.Reply;
import dev.prodet.serve.internal.detect.DetectOptions;
import dev.prodet.serve.internal.detect.DetectResult;
import dev.prodet.serve.internal.detect.DetectService;
import dev.prodet.serve.internal.metrics.ServeMetrics;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /v1/detect}: a JPEG or PNG as the raw body ({@code image/jpeg}, {@code image/png},
 * {@code application/octet-stream}) or as a multipart form field ({@code image} or {@code file}); query parameters
 * {@code model}, {@code version}, {@code aligned=true} (the image is already an aligned face crop) and
 * {@code heatmap=true} (each face's attention map as a PNG data URL).
 */
public final class DetectServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient DetectService detect;
    private final transient HttpSupport http;
    private final transient ServeMetrics metrics;
    private final long maxBody;

    /**
     * @param detect the pipeline
     * @param http shared support
     * @param metrics counts detections by label
     * @param maxBody largest image in bytes
     */
    public DetectServlet(DetectService detect, HttpSupport http, ServeMetrics metrics, long maxBody) {
        this.detect = detect;
        this.http = http;
        this.metrics = metrics;
        this.maxBody = maxBody;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        http.handle(req, resp, "detect", true, () -> {
            if (!req.getMethod().equals("POST")) {
                throw new ApiException(405, "method-not-allowed", "POST an image to /v1/detect");
            }
            DetectOptions opt = new DetectOptions(
                    param(req, "model"),
                    param(req, "version"),
                    flag(param(req, "aligned")),
                    flag(param(req, "heatmap")));
            DetectResult r = detect.detect(image(req), opt);
            metrics.detection(r.model(), r.label());
            return Reply.ok(r.toJson());
        });
    }

    private byte[] image(HttpServletRequest req) throws ApiException, IOException {
        String type = req.getContentType() == null
                ? ""
                : req.getContentType().toLowerCase(Locale.ROOT).trim();
        if (type.startsWith("multipart/form-data")) {
            return fromMultipart(req);
        }
        String base = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type;
        if (base.equals("image/jpeg") || base.equals("image/png") || base.equals("application/octet-stream")) {
            return HttpSupport.readBody(req, maxBody);
        }
        throw new ApiException(
                415,
                "unsupported-media-type",
                (type.isEmpty() ? "the request has no Content-Type" : "Content-Type " + type + " is not accepted")
                        + "; send image/jpeg, image/png,"
                        + " application/octet-stream or multipart/form-data with an 'image' field");
    }

    private byte[] fromMultipart(HttpServletRequest req) throws ApiException, IOException {
        if (req.getContentLengthLong() > maxBody) {
            throw HttpSupport.tooLarge(req.getContentLengthLong() + " bytes", maxBody);
        }
        Collection<Part> parts;
        try {
            parts = req.getParts();
        } catch (IllegalStateException e) { // the container's multipart size limits
            throw HttpSupport.tooLarge("a part larger than allowed", maxBody);
        } catch (ServletException | IOException | RuntimeException e) {
            throw ApiException.badRequest("bad-multipart", "the multipart body cannot be read: " + e.getMessage());
        }
        Part chosen = null;
        for (Part p : parts) {
            if ("image".equals(p.getName()) || "file".equals(p.getName())) {
                chosen = p;
                break;
            }
            if (chosen == null && p.getSubmittedFileName() != null) {
                chosen = p;
            }
        }
        if (chosen == null) {
            throw ApiException.badRequest("no-image-part", "the multipart body has no 'image' or 'file' field");
        }
        if (chosen.getSize() > maxBody) {
            throw HttpSupport.tooLarge(chosen.getSize() + " bytes", maxBody);
        }
        try (InputStream in = chosen.getInputStream()) {
            return HttpSupport.readBounded(in, maxBody);
        }
    }

    /**
     * A query parameter, else a form field. The query string is parsed here because the whiteboard's multipart
     * support answers getParameter from the form fields only.
     */
    static String param(HttpServletRequest req, String name) throws ApiException {
        String q = req.getQueryString();
        if (q != null) {
            try {
                return fromQuery(q, name).orElseGet(() -> req.getParameter(name));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("bad-query", "the query string cannot be decoded: " + e.getMessage());
            }
        }
        return req.getParameter(name);
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
