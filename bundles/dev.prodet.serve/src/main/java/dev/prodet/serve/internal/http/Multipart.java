package dev.prodet.serve.internal.http;

import dev.prodet.api.serve.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The file of a {@code multipart/form-data} body (RFC 7578) already in memory: the field named {@code image} or
 * {@code file}, else the first part with a file name. Read here rather than by the container, so the body arrives
 * without holding a thread and within the memory budget like any other.
 */
final class Multipart {
    private Multipart() {}

    /**
     * The chosen part's bytes.
     *
     * @throws ApiException 400 when the body is not well-formed multipart or has no file
     */
    static byte[] file(byte[] body, String contentType) throws ApiException {
        byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        int[] fallback = null;
        while (at >= 0) {
            int headers = at + delimiter.length;
            if (headers + 2 <= body.length && body[headers] == '-' && body[headers + 1] == '-') {
                break; // closing delimiter
            }
            headers = skipLine(body, headers);
            int blank = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, headers);
            if (blank < 0) {
                throw bad("a part has no end of headers");
            }
            String head = new String(body, headers, blank - headers, StandardCharsets.UTF_8);
            int start = blank + 4;
            int next = indexOf(body, crlf(delimiter), start);
            if (next < 0) {
                throw bad("a part is not closed by the boundary");
            }
            String name = parameter(head, "name");
            if ("image".equals(name) || "file".equals(name)) {
                return Arrays.copyOfRange(body, start, next);
            }
            if (fallback == null && parameter(head, "filename") != null) {
                fallback = new int[] {start, next};
            }
            at = next + 2;
        }
        if (fallback == null) {
            throw ApiException.badRequest("no-image-part", "the multipart body has no 'image' or 'file' field");
        }
        return Arrays.copyOfRange(body, fallback[0], fallback[1]);
    }

    static String boundary(String contentType) throws ApiException {
        String b = parameter(contentType, "boundary");
        if (b == null || b.isEmpty() || b.length() > 70) {
            throw bad("the Content-Type names no boundary (1 to 70 characters)");
        }
        return b;
    }

    /** A {@code key=value} or {@code key="value"} parameter of header lines, or null. */
    static String parameter(String header, String key) {
        for (String part : header.split("[;\r\n]")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, key + "=", 0, key.length() + 1)) {
                String v = p.substring(key.length() + 1).strip();
                return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static byte[] crlf(byte[] delimiter) {
        byte[] d = new byte[delimiter.length + 2];
        d[0] = '\r';
        d[1] = '\n';
        System.arraycopy(delimiter, 0, d, 2, delimiter.length);
        return d;
    }

    private static int skipLine(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i + 2;
            }
        }
        return b.length;
    }

    static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = Math.max(0, from); i <= b.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ApiException bad(String why) {
        return ApiException.badRequest("bad-multipart", "the multipart body cannot be read: " + why);
    }
}
