package dev.nps.api;

import java.util.Objects;

/**
 * The one unchecked exception of the library. Its {@link #code()} is stable; its message says what was
 * wrong and how to fix it, and never contains personal data (emails, phone numbers, comments) or secrets.
 *
 * @since 0.1
 */
public class NpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code    the stable error code, never null
     * @param message what went wrong and the fix, never null
     */
    public NpsException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code    the stable error code, never null
     * @param message what went wrong and the fix, never null
     * @param cause   the underlying failure, may be null
     */
    public NpsException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the stable error code */
    public ErrorCode code() {
        return code;
    }

    /** Shorthand for an {@link ErrorCode#INVALID_ARGUMENT} naming the field. */
    public static NpsException invalid(String field, String problem) {
        return new NpsException(ErrorCode.INVALID_ARGUMENT, field + ": " + problem);
    }

    @Override
    public String toString() {
        return getClass().getName() + "[" + code + "]: " + getMessage();
    }
}
