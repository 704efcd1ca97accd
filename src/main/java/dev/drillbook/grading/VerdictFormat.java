package dev.drillbook.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON a judge must write for a system-design answer: the schema sent with the request (strict mode: every property
 * required, no additional properties, ranges checked here rather than in the schema) and the parser that reads the
 * reply back, rejecting anything out of range with a message precise enough to send back for one repair attempt.
 */
public final class VerdictFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern THINK = java.util.regex.Pattern.compile("(?s)<(think|thinking|reasoning)>.*?</\\1>");

    private VerdictFormat() {
    }

    /** Why a reply could not be used; the message is written to be shown to the model in a repair request. */
    public static final class InvalidVerdict extends Exception {
        public InvalidVerdict(String message) {
            super(message);
        }
    }

    /** The {@code drill_verdict} schema; property order puts evidence and critiques before levels. */
    public static JudgeClient.Schema drillSchema() {
        ObjectNode keyPoint = object(
                "id", string(null),
                "status", enumOf(Verdict.KEY_POINT_STATUSES),
                "quote", string("verbatim words from the answer that show it (a whole sentence, or at least four content words), or an empty string"));
        ObjectNode dimension = object(
                "id", string(null),
                "critique", string("written before choosing the level"),
                "quotes", array(string(null), "verbatim quotes from the answer: whole sentences or at least four content words each"),
                "level", integer("0 absent, 1 weak, 2 solid, 3 strong"));
        ObjectNode improvement = object("dimension", string(null), "issue", string(null), "next_time", string(null));
        ObjectNode root = object(
                "key_points", array(keyPoint, null),
                "dimensions", array(dimension, null),
                "strengths", array(string(null), null),
                "improvements", array(improvement, null),
                "follow_up_questions", array(string(null), null),
                "flags", array(enumOf(Verdict.FLAGS), null),
                "confidence", enumOf(Verdict.CONFIDENCE));
        return new JudgeClient.Schema("drill_verdict", root);
    }

    /** The {@code concept_verdict} schema for a free-text answer to a concept question, graded 0–5. */
    public static JudgeClient.Schema conceptSchema() {
        ObjectNode root = object(
                "critique", string("written before choosing the score"),
                "quotes", array(string(null), "verbatim quotes from the answer supporting the credit given: whole sentences or at least four content words each"),
                "missing_points", array(string(null), "reference points the answer does not make"),
                "factual_errors", array(string(null), null),
                "flags", array(enumOf(Verdict.FLAGS), null),
                "confidence", enumOf(Verdict.CONFIDENCE),
                "score", integer("0 (wrong or empty) to 5 (complete and correct)"));
        return new JudgeClient.Schema("concept_verdict", root);
    }

    /** Reads a drill verdict, checking every rubric dimension is judged once with a level 0–3. */
    public static Verdict parseDrill(String content, Drill drill) throws InvalidVerdict {
        JsonNode root = tree(content);
        List<String> errors = new ArrayList<>();
        List<Verdict.KeyPointFinding> keyPoints = new ArrayList<>();
        for (JsonNode k : array(root, "key_points", errors)) {
            String status = text(k, "status");
            if (!Verdict.KEY_POINT_STATUSES.contains(status)) {
                errors.add("key_points[].status must be one of " + Verdict.KEY_POINT_STATUSES + ", not \"" + status + "\"");
                continue;
            }
            keyPoints.add(new Verdict.KeyPointFinding(text(k, "id"), status, text(k, "quote")));
        }
        List<Verdict.DimensionFinding> dims = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode d : array(root, "dimensions", errors)) {
            String id = text(d, "id");
            JsonNode level = d.get("level");
            if (level == null || !level.canConvertToInt() || !level.isIntegralNumber() || level.asInt() < 0 || level.asInt() > 3) {
                errors.add("dimensions[" + id + "].level must be an integer from 0 to 3, not " + level);
                continue;
            }
            if (seen.add(id)) {
                dims.add(new Verdict.DimensionFinding(id, text(d, "critique"), strings(d.get("quotes")), level.asInt()));
            }
        }
        for (Drill.Dimension dim : drill.rubric()) {
            if (!seen.contains(dim.id())) {
                errors.add("dimensions has no entry for \"" + dim.id() + "\"");
            }
        }
        List<Verdict.Improvement> improvements = new ArrayList<>();
        for (JsonNode i : array(root, "improvements", errors)) {
            improvements.add(new Verdict.Improvement(text(i, "dimension"), text(i, "issue"), text(i, "next_time")));
        }
        List<String> flags = flags(root, errors);
        String confidence = confidence(root, errors);
        if (!errors.isEmpty()) {
            throw new InvalidVerdict(String.join("; ", errors));
        }
        return new Verdict(keyPoints, dims, strings(root.get("strengths")), improvements, strings(root.get("follow_up_questions")),
                flags, confidence);
    }

    /** A concept verdict: 0–5 score, critique, quotes, missing points, factual errors. */
    public record ConceptVerdict(String critique, List<String> quotes, List<String> missingPoints, List<String> factualErrors,
            List<String> flags, String confidence, int score) {
    }

    public static ConceptVerdict parseConcept(String content) throws InvalidVerdict {
        JsonNode root = tree(content);
        List<String> errors = new ArrayList<>();
        JsonNode score = root.get("score");
        if (score == null || !score.isIntegralNumber() || score.asInt() < 0 || score.asInt() > 5) {
            errors.add("score must be an integer from 0 to 5, not " + score);
        }
        List<String> flags = flags(root, errors);
        String confidence = confidence(root, errors);
        if (!errors.isEmpty()) {
            throw new InvalidVerdict(String.join("; ", errors));
        }
        return new ConceptVerdict(text(root, "critique"), strings(root.get("quotes")), strings(root.get("missing_points")),
                strings(root.get("factual_errors")), flags, confidence, score.asInt());
    }

    /**
     * The JSON object in a reply: as is, or from inside a ```json fence, or from the first '{' to the last '}' — for
     * endpoints that do not enforce the schema and wrap the JSON in prose.
     */
    static JsonNode tree(String content) throws InvalidVerdict {
        if (content == null || content.isBlank()) {
            throw new InvalidVerdict("the reply was empty; answer with the JSON object only");
        }
        // reasoning models (on Ollama, vLLM) think aloud before the JSON
        String s = THINK.matcher(content).replaceAll("").strip();
        int open = s.indexOf('{');
        int close = s.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw new InvalidVerdict("the reply contains no JSON object; answer with the JSON object only");
        }
        try {
            JsonNode node = JSON.readTree(s.substring(open, close + 1));
            if (!node.isObject()) {
                throw new InvalidVerdict("the reply is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidVerdict("the reply is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static List<String> flags(JsonNode root, List<String> errors) {
        List<String> flags = new ArrayList<>();
        for (String f : strings(root.get("flags"))) {
            if (Verdict.FLAGS.contains(f)) {
                flags.add(f);
            } else {
                errors.add("flags may only contain " + Verdict.FLAGS + ", not \"" + f + "\"");
            }
        }
        return flags;
    }

    private static String confidence(JsonNode root, List<String> errors) {
        String c = text(root, "confidence");
        if (!Verdict.CONFIDENCE.contains(c)) {
            errors.add("confidence must be low, medium or high, not \"" + c + "\"");
        }
        return c;
    }

    /** A strict-mode object: the properties in order, every one required, nothing else allowed. */
    private static ObjectNode object(Object... nameThenSchema) {
        ObjectNode o = JSON.createObjectNode().put("type", "object");
        ObjectNode props = o.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (int i = 0; i < nameThenSchema.length; i += 2) {
            props.set((String) nameThenSchema[i], (ObjectNode) nameThenSchema[i + 1]);
            required.add((String) nameThenSchema[i]);
        }
        o.set("required", required);
        o.put("additionalProperties", false);
        return o;
    }

    private static ObjectNode string(String description) {
        ObjectNode o = JSON.createObjectNode().put("type", "string");
        return description == null ? o : o.put("description", description);
    }

    private static ObjectNode integer(String description) {
        return JSON.createObjectNode().put("type", "integer").put("description", description);
    }

    private static ObjectNode enumOf(List<String> values) {
        ObjectNode o = JSON.createObjectNode().put("type", "string");
        values.forEach(o.putArray("enum")::add);
        return o;
    }

    private static ObjectNode array(ObjectNode items, String description) {
        ObjectNode o = JSON.createObjectNode().put("type", "array");
        o.set("items", items);
        return description == null ? o : o.put("description", description);
    }

    private static Iterable<JsonNode> array(JsonNode root, String field, List<String> errors) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            errors.add(field + " must be an array");
            return List.of();
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual() && !n.asText().isBlank()) {
                    out.add(n.asText().strip());
                }
            });
        }
        return out;
    }
}
