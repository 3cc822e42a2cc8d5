package dev.prodet.serve.internal.api;

/**
 * An answer: HTTP status and a body that is written as JSON (maps, lists, records, strings, numbers).
 *
 * @param status HTTP status
 * @param body JSON body, or {@code null} for none
 */
public record Reply(int status, Object body) {

    /** 200 with a body. */
    public static Reply ok(Object body) {
        return new Reply(200, body);
    }
}
