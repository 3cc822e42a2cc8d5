package dev.prodet.api.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {
    @Test
    void theBodyIsTheErrorObjectOfBothHttpApis() {
        ApiException e = ApiException.notFound("unknown-run", "no run 'r7'");
        assertEquals(404, e.status());
        assertEquals(Map.of("error", "no run 'r7'", "problem", "unknown-run"), e.body());
        assertEquals(List.of("error", "problem"), List.copyOf(e.body().keySet())); // the order clients see
    }

    @Test
    void onlyABusyAnswerInvitesARetryAndNeverSoonerThanASecond() {
        assertEquals(0, ApiException.badRequest("bad-json", "not JSON").retryAfterSeconds());
        assertEquals(1, ApiException.busy(503, "overloaded", "busy", 0).retryAfterSeconds());
        assertEquals(5, ApiException.busy(429, "overloaded", "busy", 5).retryAfterSeconds());
    }
}
