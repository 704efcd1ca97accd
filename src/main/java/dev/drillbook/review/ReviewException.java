package dev.drillbook.review;

/** A request the review domain refuses, with a message the user can act on. */
public class ReviewException extends RuntimeException {

    public enum Kind { BAD_INPUT, NOT_FOUND, CONFLICT }

    private final Kind kind;

    public ReviewException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
