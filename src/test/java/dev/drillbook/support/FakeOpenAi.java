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

    /** One scripted reply. */
    public record Reply(int status, String body, long delayMillis) {
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
        return new Reply(status, "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\",\"code\":null}}", 0);
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
            Reply reply = script.poll();
            if (reply == null) {
                reply = completion(fallback.apply(request));
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
            ex.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        }
    }
}
