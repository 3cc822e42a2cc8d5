package dev.prodet.serve.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The bearer token check: {@code Authorization: Bearer <token>}, the scheme name in any case (RFC 9110 §11.1), the
 * token compared in constant time.
 */
public final class BearerToken {
    private final byte[] token;

    /** @param token the token clients must send, or empty for none */
    public BearerToken(String token) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a token is configured. */
    public boolean required() {
        return token != null;
    }

    /** Whether this {@code Authorization} header value carries the token (always true when none is configured). */
    public boolean accepts(String authorization) {
        if (token == null) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        String h = authorization.strip();
        int space = h.indexOf(' ');
        if (space < 0 || !h.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return false;
        }
        byte[] given = h.substring(space + 1).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token); // constant time in the token's length
    }
}
