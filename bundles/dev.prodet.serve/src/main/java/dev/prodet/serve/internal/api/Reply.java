package dev.prodet.serve.internal.api;

/**
 * An answer: HTTP status and a body that is written as JSON (maps, lists, records, strings, numbers), optionally
 * followed by binary tensor data (the binary tensor data extension: the JSON's length goes in
 * {@code Inference-Header-Content-Length}).
 *
 * @param status HTTP status
 * @param body JSON body, or {@code null} for none
 * @param binary bytes after the JSON, or {@code null}
 */
public record Reply(int status, Object body, byte[] binary) {

    /** A JSON answer. */
    public Reply(int status, Object body) {
        this(status, body, null);
    }

    /** 200 with a body. */
    public static Reply ok(Object body) {
        return new Reply(200, body, null);
    }
}
