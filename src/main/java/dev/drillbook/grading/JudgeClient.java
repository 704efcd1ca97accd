package dev.drillbook.grading;

import dev.langchain4j.model.chat.request.json.JsonSchema;

import java.util.List;

/** One chat-completion call to the judge model, returning the text of its reply. */
public interface JudgeClient {

    /** @param role system, user or assistant */
    record Message(String role, String content) {
    }

    /** The model the endpoint is asked for, shown next to every grade it gives. */
    String model();

    String complete(List<Message> messages, JsonSchema schema) throws JudgeCallException;

    /** A failed call, classified so the caller knows whether trying again can help. */
    final class JudgeCallException extends Exception {

        public enum Kind {
            /** 429: wait and retry */
            RATE_LIMITED,
            /** 5xx or a dropped connection: retry */
            SERVER,
            /** no reply within the timeout */
            TIMEOUT,
            /** 4xx other than 429 (bad key, unknown model): retrying cannot help */
            REJECTED,
            /** the reply was cut off (length limit) */
            TRUNCATED
        }

        private final Kind kind;

        public JudgeCallException(Kind kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }

        public boolean retriable() {
            return kind == Kind.RATE_LIMITED || kind == Kind.SERVER;
        }
    }
}
