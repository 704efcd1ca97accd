package dev.drillbook.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The judge over any OpenAI-compatible Chat Completions endpoint (OpenAI, OpenRouter, vLLM, llama.cpp, Ollama's /v1, LM
 * Studio), on the JDK's HTTP client so that status, headers and the endpoint's own error message all reach the user.
 * Temperature 0 and structured output: {@code json_schema} (strict) first; an endpoint that refuses it with a 400 is asked
 * again with {@code json_object}, then with the schema in the prompt only, and the mode that worked is kept for every later
 * call to it. At most {@code concurrency} calls are in flight, whoever makes them (drills, concept answers, calibration,
 * follow-ups). The key goes only to this endpoint and is never logged.
 */
public final class OpenAiJudgeClient implements JudgeClient {

    /** How structured output is asked for, from the strictest; an endpoint that refuses one gets the next. */
    enum Mode {
        JSON_SCHEMA, JSON_OBJECT, PROMPT
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 300;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String apiKey;
    private final String modelName;
    private final Semaphore inFlight;
    private volatile Mode mode = Mode.JSON_SCHEMA;

    public OpenAiJudgeClient(String baseUrl, String apiKey, String modelName, int concurrency) {
        String base = baseUrl.strip().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/chat/completions");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.modelName = modelName;
        this.inFlight = new Semaphore(Math.max(1, concurrency), true);
    }

    @Override
    public String model() {
        return modelName;
    }

    /** The structured-output mode this endpoint accepted last (tests and the calibration page show it). */
    public String outputMode() {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String complete(List<Message> messages, Schema schema, Duration timeout) throws JudgeCallException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!inFlight.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new JudgeCallException(JudgeCallException.Kind.TIMEOUT, "Every judge slot stayed busy for "
                        + timeout.toSeconds() + " s (drillbook.llm.concurrency).", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeCallException(JudgeCallException.Kind.TIMEOUT, "Grading was interrupted (the app is shutting down).", null);
        }
        try {
            while (true) {
                Mode m = mode;
                try {
                    return send(messages, schema, m, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                } catch (JudgeCallException e) {
                    if ((e.status() != 400 && e.status() != 422) || m == Mode.PROMPT) {
                        throw e;
                    }
                    // the endpoint refused this way of asking for JSON: try the next, and remember it if it works
                    Mode next = Mode.values()[m.ordinal() + 1];
                    synchronized (this) {
                        if (mode == m) {
                            mode = next;
                        }
                    }
                }
            }
        } finally {
            inFlight.release();
        }
    }

    private String send(List<Message> messages, Schema schema, Mode m, Duration timeout) throws JudgeCallException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", modelName);
        body.put("temperature", 0);
        ArrayNode msgs = body.putArray("messages");
        for (int i = 0; i < messages.size(); i++) {
            Message msg = messages.get(i);
            String content = msg.content();
            if (i == 0 && "system".equals(msg.role()) && m != Mode.JSON_SCHEMA) {
                content += "\nThe reply must be one JSON object valid against this JSON Schema:\n" + schema.schema();
            }
            msgs.addObject().put("role", msg.role()).put("content", content);
        }
        if (m == Mode.JSON_SCHEMA) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema").put("name", schema.name()).put("strict", true).set("schema", schema.schema());
        } else if (m == Mode.JSON_OBJECT) {
            body.putObject("response_format").put("type", "json_object");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new JudgeCallException(JudgeCallException.Kind.TIMEOUT,
                    "The judge did not answer within " + Math.max(1, Math.round(timeout.toMillis() / 1000.0)) + " s.", null);
        } catch (ConnectException e) {
            throw new JudgeCallException(JudgeCallException.Kind.SERVER, "Cannot reach the judge at " + endpoint + ".", null);
        } catch (IOException e) {
            throw new JudgeCallException(JudgeCallException.Kind.SERVER, "The connection to the judge failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeCallException(JudgeCallException.Kind.TIMEOUT, "Grading was interrupted (the app is shutting down).", null);
        }
        int status = response.statusCode();
        if (status >= 400) {
            throw failure(status, response);
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new JudgeCallException(JudgeCallException.Kind.SERVER, "The judge endpoint sent something that is not a chat completion ("
                    + shorten(response.body()) + ").", null);
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        String finish = choice.path("finish_reason").asText("");
        if (message.hasNonNull("refusal") && !message.get("refusal").asText().isBlank()) {
            throw new JudgeCallException(JudgeCallException.Kind.REFUSED, "The model refused to grade: " + shorten(message.get("refusal").asText()), null);
        }
        if (finish.equals("content_filter")) {
            throw new JudgeCallException(JudgeCallException.Kind.REFUSED, "The endpoint's content filter stopped the reply.", null);
        }
        if (finish.equals("length")) {
            throw new JudgeCallException(JudgeCallException.Kind.TRUNCATED,
                    "The judge's reply was cut off by the model's length limit; use a model with a larger output limit.", null);
        }
        return message.path("content").asText("");
    }

    /** The endpoint's own words for a failure, with its status and (for 429/503) how long it asks to wait. */
    static JudgeCallException failure(int status, HttpResponse<String> response) {
        String said = errorMessage(response.body());
        Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
        String suffix = said.isEmpty() ? "" : ": " + said;
        if (status == 429) {
            return new JudgeCallException(JudgeCallException.Kind.RATE_LIMITED, "The judge endpoint is rate-limiting requests (HTTP 429)" + suffix, retryAfter, status);
        }
        if (status >= 500) {
            return new JudgeCallException(JudgeCallException.Kind.SERVER, "The judge endpoint failed (HTTP " + status + ")" + suffix, retryAfter, status);
        }
        String why = switch (status) {
            case 401, 403 -> " (the API key was refused)";
            case 404 -> " (the endpoint or model was not found)";
            default -> "";
        };
        return new JudgeCallException(JudgeCallException.Kind.REJECTED, "The judge endpoint answered HTTP " + status + why + suffix, null, status);
    }

    /** {@code error.message} (OpenAI and most servers), {@code error} as a string, {@code detail}, or the text itself. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root.path("error");
            String text = error.isTextual() ? error.asText() : error.path("message").isTextual() ? error.path("message").asText()
                    : root.path("detail").isTextual() ? root.path("detail").asText() : root.path("message").asText(body);
            return shorten(text);
        } catch (IOException e) {
            return shorten(body);
        }
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    private static String shorten(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= MAX_ERROR ? t : t.substring(0, MAX_ERROR - 1) + "…";
    }
}
