package dev.prodet.launcher;

/** A launch failure with a message meant for the user: what went wrong and, where known, what to do. */
final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
