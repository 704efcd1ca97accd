package dev.drillbook.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible Chat Completions server for tests, speaking the real wire format: it records each request
 * (headers and JSON body) and answers from a script — a real {@code chat.completion} body, an HTTP error, or a hang.
 * When the script is empty it answers with {@link #fallback}, which sees the request.
 */
public class FakeOpenAi implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "sk-test-5ecret-never-logged";
    public static final String MODEL = "judge-test-model";

    /** One scripted reply, with extra response headers (Retry-After). */
    public record Reply(int status, String body, long delayMillis, Map<String, String> headers) {
        public Reply(int status, String body, long delayMillis) {
            this(status, body, delayMillis, Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, delayMillis, h);
        }
    }

    /** A request as received. */
    public record Request(String path, String authorization, JsonNode body) {
        /** The text of message {@code i} (role and content). */
        public String content(int i) {
            return body.get("messages").get(i).get("content").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer server;
    private static final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private static final List<Request> requests = new CopyOnWriteArrayList<>();
    private static volatile Function<Request, String> fallback = r -> "{}";
    private static final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private static volatile long fallbackDelayMillis;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", FakeOpenAi::handle);
        server.start();
        return Map.of("drillbook.llm.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "drillbook.llm.api-key", API_KEY,
                "drillbook.llm.model", MODEL,
                "drillbook.llm.timeout", "3s",
                "drillbook.llm.retry-backoff", "20ms",
                "drillbook.llm.max-retries", "2");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static void reset() {
        script.clear();
        requests.clear();
        fallback = r -> "{}";
        fallbackDelayMillis = 0;
        maxInFlight.set(0);
    }

    /** How long an unscripted reply takes, so calls overlap (concurrency tests). */
    public static void fallbackDelay(long millis) {
        fallbackDelayMillis = millis;
    }

    /** The most requests that were being answered at the same time since {@link #reset}. */
    public static int maxInFlight() {
        return maxInFlight.get();
    }

    /** Replies in order; each is used once. */
    public static void enqueue(Reply... replies) {
        script.addAll(List.of(replies));
    }

    /** The content the model "writes" when nothing is scripted. */
    public static void fallback(Function<Request, String> content) {
        fallback = content;
    }

    public static List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** A 200 {@code chat.completion} whose message content is {@code content}. */
    public static Reply completion(String content) {
        return new Reply(200, completionBody(content, "stop"), 0);
    }

    public static Reply error(int status) {
        return error(status, "scripted failure");
    }

    /** An error body as OpenAI (and vLLM, llama.cpp, Ollama) write it, with the endpoint's own message. */
    public static Reply error(int status, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", status >= 500 ? "server_error" : "invalid_request_error").putNull("code");
        return new Reply(status, root.toString(), 0);
    }

    /** A structured-output refusal: the message has {@code refusal} and no content. */
    public static Reply refusal(String why) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1764200000L).put("model", MODEL);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").putNull("content").put("refusal", why);
        choice.put("finish_reason", "stop");
        return new Reply(200, root.toString(), 0);
    }

    public static Reply hang(long millis) {
        return new Reply(200, completionBody("{}", "stop"), millis);
    }

    static String completionBody(String content, String finishReason) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1764200000L).put("model", MODEL);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", finishReason);
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50).put("total_tokens", 150);
        return root.toString();
    }

    private static void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] in = ex.getRequestBody().readAllBytes();
            JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
            Request request = new Request(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"), body);
            requests.add(request);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Reply reply = script.poll();
            if (reply == null) {
                reply = new Reply(200, completionBody(fallback.apply(request), "stop"), fallbackDelayMillis);
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
