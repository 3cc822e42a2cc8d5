package dev.prodet.serve.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.prodet.serve.internal.api.ApiException;
import dev.prodet.serve.internal.metrics.ServeMetrics;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
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
    void theBearerTokenIsCheckedWhenConfigured() throws Exception {
        HttpSupport open = new HttpSupport(new ServeMetrics(), "");
        open.checkToken(request(Map.of(), null, null));
        HttpSupport locked = new HttpSupport(new ServeMetrics(), "s3cret");
        locked.checkToken(request(Map.of("Authorization", "Bearer s3cret"), null, null));
        ApiException missing = assertThrows(ApiException.class, () -> locked.checkToken(request(Map.of(), null, null)));
        assertEquals(401, missing.status());
        ApiException wrong = assertThrows(
                ApiException.class,
                () -> locked.checkToken(request(Map.of("Authorization", "Bearer s3cre"), null, null)));
        assertEquals("unauthorized", wrong.problem());
    }

    @Test
    void bodiesAreReadUpToTheLimit() throws Exception {
        assertArrayEquals(new byte[10], HttpSupport.readBounded(new ByteArrayInputStream(new byte[10]), 10));
        ApiException e = assertThrows(
                ApiException.class, () -> HttpSupport.readBounded(new ByteArrayInputStream(new byte[11]), 10));
        assertEquals(413, e.status());
    }

    @Test
    void queryParametersWinAndBadEscapesAre400() throws Exception {
        assertEquals("true", DetectServlet.param(request(Map.of(), "model=m&aligned=true", null), "aligned"));
        assertEquals("a b", DetectServlet.param(request(Map.of(), "model=a+b", null), "model"));
        assertEquals(null, DetectServlet.param(request(Map.of(), "model=m", null), "version"));
        ApiException e = assertThrows(
                ApiException.class, () -> DetectServlet.param(request(Map.of(), "model=%zz", null), "model"));
        assertEquals(400, e.status());
    }

    @Test
    void v2PathsSplitIntoSegments() {
        assertEquals(List.of(), V2Servlet.segments(null));
        assertEquals(
                List.of("models", "m", "versions", "1", "infer"), V2Servlet.segments("/models/m/versions/1/infer"));
        assertEquals(List.of("health", "ready"), V2Servlet.segments("//health/ready/"));
    }
}
