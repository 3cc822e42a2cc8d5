package dev.prodet.console.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.prodet.api.serve.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSupportTest {

    /** A request with the given headers (Content-Type included); nothing else answered. */
    static HttpServletRequest request(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                ApiSupportTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "getHeader":
                            return headers.get((String) a[0]);
                        case "getContentType":
                            return headers.get("Content-Type");
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    @Test
    void theTokenIsCheckedWhenOneIsConfigured() throws Exception {
        ApiSupport open = new ApiSupport("");
        open.checkToken(request(Map.of()));
        ApiSupport guarded = new ApiSupport("s3cret");
        assertEquals(
                401,
                assertThrows(ApiException.class, () -> guarded.checkToken(request(Map.of())))
                        .status());
        ApiException wrong = assertThrows(
                ApiException.class, () -> guarded.checkToken(request(Map.of("Authorization", "Bearer nope"))));
        assertEquals("unauthorized", wrong.body().get("problem"));
        assertThrows(ApiException.class, () -> guarded.checkToken(request(Map.of("Authorization", "Basic s3cret"))));
        guarded.checkToken(request(Map.of("Authorization", "Bearer s3cret")));
        guarded.checkToken(request(Map.of("Authorization", "bearer s3cret")));
    }

    @Test
    void theRuntimeTokenIsTheServingOneAndAnUnreadableFileRefusesEverything(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "from-file\n");
        ApiSupport fromFile = ApiSupport.fromRuntime(Map.of("prodet.serve.tokenFile", file.toString())::get, k -> null);
        fromFile.checkToken(request(Map.of("Authorization", "Bearer from-file")));
        assertThrows(ApiException.class, () -> fromFile.checkToken(request(Map.of())));
        ApiSupport unreadable = ApiSupport.fromRuntime(
                Map.of("prodet.serve.tokenFile", dir.resolve("nope").toString())::get, k -> null);
        ApiException e = assertThrows(ApiException.class, () -> unreadable.checkToken(request(Map.of())));
        assertEquals(503, e.status());
    }

    @Test
    void writesMustBeJsonFromThisServer() throws Exception {
        ApiSupport.checkSameOrigin(request(Map.of("Content-Type", "application/json")));
        ApiSupport.checkSameOrigin(request(Map.of(
                "Content-Type", "application/json", "Origin", "http://127.0.0.1:8090", "Host", "127.0.0.1:8090")));
        assertEquals(
                415,
                assertThrows(
                                ApiException.class,
                                () -> ApiSupport.checkSameOrigin(
                                        request(Map.of("Content-Type", "application/x-www-form-urlencoded"))))
                        .status());
        assertEquals(
                403,
                assertThrows(
                                ApiException.class,
                                () -> ApiSupport.checkSameOrigin(request(Map.of(
                                        "Content-Type", "application/json",
                                        "Origin", "http://evil.example",
                                        "Host", "127.0.0.1:8090"))))
                        .status());
        assertThrows(
                ApiException.class,
                () -> ApiSupport.checkSameOrigin(request(
                        Map.of("Content-Type", "application/json", "Origin", "null", "Host", "127.0.0.1:8090"))));
    }
}
