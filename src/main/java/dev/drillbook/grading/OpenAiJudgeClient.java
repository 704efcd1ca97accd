package dev.drillbook.grading;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge over any OpenAI-compatible Chat Completions endpoint (OpenAI, OpenRouter, vLLM, llama.cpp, Ollama's /v1, LM
 * Studio) through langchain4j: temperature 0, strict JSON-schema output, no retries of its own (the caller decides), and
 * request logging off so the API key cannot reach a log.
 */
public final class OpenAiJudgeClient implements JudgeClient {

    private static final Pattern STATUS = Pattern.compile("(?:status(?: code)?|HTTP)[^0-9]{0,12}([1-5][0-9]{2})", Pattern.CASE_INSENSITIVE);

    private final ChatModel model;
    private final String modelName;
    private final String endpoint;
    private final Duration timeout;

    public OpenAiJudgeClient(String baseUrl, String apiKey, String modelName, Duration timeout) {
        this.modelName = modelName;
        this.endpoint = baseUrl;
        this.timeout = timeout;
        this.model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                // Local servers (Ollama, llama.cpp) accept any key; the client library insists on one.
                .apiKey(apiKey == null || apiKey.isBlank() ? "no-key" : apiKey)
                .modelName(modelName)
                .temperature(0.0)
                .strictJsonSchema(true)
                .timeout(timeout)
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    @Override
    public String model() {
        return modelName;
    }

    @Override
    public String complete(List<Message> messages, JsonSchema schema) throws JudgeCallException {
        List<ChatMessage> chat = messages.stream().<ChatMessage>map(m -> switch (m.role()) {
            case "system" -> SystemMessage.from(m.content());
            case "assistant" -> AiMessage.from(m.content());
            default -> UserMessage.from(m.content());
        }).toList();
        ChatRequest request = ChatRequest.builder().messages(chat)
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build()).build();
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            throw classify(e);
        }
        if (response.finishReason() == FinishReason.LENGTH) {
            throw new JudgeCallException(JudgeCallException.Kind.TRUNCATED,
                    "The judge's reply was cut off by the model's length limit; use a model with a larger output limit.", null);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        return text == null ? "" : text;
    }

    /** Sorts a failure into what retrying can or cannot fix, with a message that names the endpoint but never the key. */
    JudgeCallException classify(RuntimeException e) {
        Integer status = null;
        boolean timedOut = false;
        boolean unreachable = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RateLimitException) {
                status = 429;
            } else if (t instanceof HttpException h && status == null) {
                status = h.statusCode();
            } else if (t instanceof InternalServerException && status == null) {
                status = 500;
            } else if (t instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse() != null && status == null) {
                status = w.getResponse().getStatus();
            }
            String name = t.getClass().getName().toLowerCase(Locale.ROOT);
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException || name.contains("timeout")
                    || (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("timed out"))) {
                timedOut = true;
            }
            if (t instanceof ConnectException || name.contains("connect")) {
                unreachable = true;
            }
            if (status == null && t.getMessage() != null) {
                Matcher m = STATUS.matcher(t.getMessage());
                if (m.find()) {
                    status = Integer.parseInt(m.group(1));
                }
            }
        }
        if (timedOut && (status == null || status < 400)) {
            return new JudgeCallException(JudgeCallException.Kind.TIMEOUT,
                    "The judge did not answer within " + timeout.toSeconds() + " s (drillbook.llm.timeout).", e);
        }
        if (status != null && status == 429) {
            return new JudgeCallException(JudgeCallException.Kind.RATE_LIMITED, "The judge endpoint is rate-limiting requests (HTTP 429).", e);
        }
        if (status != null && status >= 500) {
            return new JudgeCallException(JudgeCallException.Kind.SERVER, "The judge endpoint failed (HTTP " + status + ").", e);
        }
        if (status != null && status >= 400) {
            String why = switch (status) {
                case 401, 403 -> "the API key was refused";
                case 404 -> "the endpoint or model \"" + modelName + "\" was not found";
                default -> "the request was rejected";
            };
            return new JudgeCallException(JudgeCallException.Kind.REJECTED, "The judge endpoint answered HTTP " + status + ": " + why + ".", e);
        }
        if (unreachable) {
            return new JudgeCallException(JudgeCallException.Kind.SERVER, "Cannot reach the judge at " + endpoint + ".", e);
        }
        return new JudgeCallException(JudgeCallException.Kind.SERVER, "The judge call failed (" + e.getClass().getSimpleName() + ").", e);
    }
}
