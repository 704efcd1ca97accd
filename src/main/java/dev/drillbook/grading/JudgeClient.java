package dev.drillbook.grading;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

/** One chat-completion call to the judge model, returning the text of its reply. */
public interface JudgeClient {

    /** @param role system, user or assistant */
    record Message(String role, String content) {
    }

    /** A JSON schema the reply must follow, under a name ({@code drill_verdict}). */
    record Schema(String name, ObjectNode schema) {
    }

    /** The model the endpoint is asked for, shown next to every grade it gives. */
    String model();

    /** @param timeout longest wait for this reply (the answer's remaining deadline, at most {@code drillbook.llm.timeout}) */
    String complete(List<Message> messages, Schema schema, Duration timeout) throws JudgeCallException;

    /** A failed call, classified so the caller knows whether trying again can help. */
    final class JudgeCallException extends Exception {

        public enum Kind {
            /** 429: wait (as long as Retry-After says) and retry */
            RATE_LIMITED,
            /** 5xx or a dropped connection: retry */
            SERVER,
            /** no reply within the timeout */
            TIMEOUT,
            /** 4xx other than 429 (bad key, unknown model): retrying cannot help */
            REJECTED,
            /** the reply was cut off (length limit) */
            TRUNCATED,
            /** the model declined to answer (a structured-output refusal or content filter): retrying gets the same */
            REFUSED
        }

        private final Kind kind;
        private final Duration retryAfter;
        private final int status;

        public JudgeCallException(Kind kind, String message, Duration retryAfter) {
            this(kind, message, retryAfter, 0);
        }

        public JudgeCallException(Kind kind, String message, Duration retryAfter, int status) {
            super(message);
            this.kind = kind;
            this.retryAfter = retryAfter;
            this.status = status;
        }

        /** The HTTP status the endpoint answered, 0 when there was none (timeout, no connection). */
        public int status() {
            return status;
        }

        public Kind kind() {
            return kind;
        }

        /** How long the endpoint asked to wait before the next try (its {@code Retry-After}), or null. */
        public Duration retryAfter() {
            return retryAfter;
        }

        public boolean retriable() {
            return kind == Kind.RATE_LIMITED || kind == Kind.SERVER;
        }
    }
}
