package dev.prodet.serve.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.serve.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSupportTest {
    /** A request that answers only the methods these tests need. */
    static HttpServletRequest request(Map<String, String> headers, String query, String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpSupportTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getQueryString" -> query;
                    case "getPathInfo" -> pathInfo;
                    case "getParameter" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndTheTokenExact() {
        assertTrue(new BearerToken("").accepts(null), "no token configured: everything passes");
        BearerToken t = new BearerToken("s3cret");
        assertTrue(t.required());
        assertTrue(t.accepts("Bearer s3cret"));
        assertTrue(t.accepts("bearer s3cret"));
        assertTrue(t.accepts("BEARER   s3cret "));
        assertFalse(t.accepts(null));
        assertFalse(t.accepts("Bearer s3cre"));
        assertFalse(t.accepts("Bearer s3cretX"));
        assertFalse(t.accepts("Basic s3cret"));
        assertFalse(t.accepts("s3cret"));
    }

    @Test
    void crossSiteRequestsAreRecognised() {
        assertFalse(ProdetContext.crossSite(request(Map.of("Host", "127.0.0.1:8080"), null, null)), "curl");
        assertFalse(ProdetContext.crossSite(
                request(Map.of("Host", "127.0.0.1:8080", "Origin", "http://127.0.0.1:8080"), null, null)));
        assertTrue(ProdetContext.crossSite(
                request(Map.of("Host", "127.0.0.1:8080", "Origin", "https://evil.example"), null, null)));
        assertTrue(ProdetContext.crossSite(request(Map.of("Host", "h", "Origin", "null"), null, null)));
        assertTrue(ProdetContext.crossSite(request(Map.of("Sec-Fetch-Site", "cross-site"), null, null)));
        assertFalse(ProdetContext.crossSite(request(Map.of("Sec-Fetch-Site", "same-origin"), null, null)));
    }

    @Test
    void bodiesAreReadUpToTheLimit() throws Exception {
        assertArrayEquals(new byte[10], HttpSupport.readBounded(new ByteArrayInputStream(new byte[10]), 10));
        ApiException e = assertThrows(
                ApiException.class, () -> HttpSupport.readBounded(new ByteArrayInputStream(new byte[11]), 10));
        assertEquals(413, e.status());
    }

    @Test
    void queryParametersAreDecodedAndBadEscapesAre400() throws Exception {
        assertEquals("true", DetectServlet.param(request(Map.of(), "model=m&aligned=true", null), "aligned"));
        assertEquals("a b", DetectServlet.param(request(Map.of(), "model=a+b", null), "model"));
        assertEquals(null, DetectServlet.param(request(Map.of(), "model=m", null), "version"));
        ApiException e = assertThrows(
                ApiException.class, () -> DetectServlet.param(request(Map.of(), "model=%zz", null), "model"));
        assertEquals(400, e.status());
    }

    @Test
    void multipartFilesAreFoundByFieldNameOrFileName() throws Exception {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\nPNGDATA\r\n--XyZ--\r\n";
        byte[] part = Multipart.file(body.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=\"XyZ\"");
        assertEquals("PNGDATA", new String(part, StandardCharsets.UTF_8));
        String anon = "--b\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"x.jpg\"\r\n\r\nJ\r\n--b--";
        assertEquals(
                "J",
                new String(Multipart.file(anon.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=b")));
        assertEquals(
                "no-image-part",
                assertThrows(
                                ApiException.class,
                                () -> Multipart.file(
                                        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b--"
                                                .getBytes(StandardCharsets.UTF_8),
                                        "multipart/form-data; boundary=b"))
                        .problem());
        assertEquals(
                "bad-multipart",
                assertThrows(ApiException.class, () -> Multipart.file(new byte[10], "multipart/form-data"))
                        .problem());
    }

    @Test
    void containerErrorsKeepPlainWordsOnly() {
        assertEquals("headers-too-large", ErrorWords.of(431, null).problem());
        assertTrue(ErrorWords.of(400, "Ambiguous URI path segment").message().contains("Ambiguous URI"));
        assertFalse(ErrorWords.of(500, "java.lang.OutOfMemoryError: Java heap space")
                .message()
                .contains("java"));
        assertFalse(ErrorWords.of(400, "org.foo.BarException: x").message().contains("Bar"));
    }

    @Test
    void v2PathsSplitIntoSegments() {
        assertEquals(List.of(), V2Servlet.segments(null));
        assertEquals(
                List.of("models", "m", "versions", "1", "infer"), V2Servlet.segments("/models/m/versions/1/infer"));
        assertEquals(List.of("health", "ready"), V2Servlet.segments("//health/ready/"));
    }
}
