package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default system-design rubric: seven dimensions, each judged absent / weak / solid / strong (0–3), weighted into a
 * 0–100 score. A drill's {@code ## Rubric} section changes weights, removes a dimension (weight 0) or adds its own.
 */
public final class Rubric {

    /** Level names, indexed by level. */
    public static final List<String> LEVELS = List.of("absent", "weak", "solid", "strong");

    public static final List<Drill.Dimension> DEFAULT = List.of(
            new Drill.Dimension("requirements", 15, "Requirements",
                    "3–5 prioritised functional requirements; non-functional ones quantified (p99 latency, availability, scale, "
                            + "consistency); explicit out-of-scope"),
            new Drill.Dimension("entities_api", 15, "Entities and API",
                    "core entities named; the API covers each requirement; the data model fits the access patterns"),
            new Drill.Dimension("high_level_design", 20, "High-level design",
                    "every requirement traced end-to-end through named components; coherent data flow"),
            new Drill.Dimension("deep_dives", 20, "Deep dives",
                    "finds the crux of the problem and goes deep on it, with concrete mechanisms rather than names"),
            new Drill.Dimension("scalability_reliability", 10, "Scale and reliability",
                    "caching, partitioning, replication and queues justified by numbers; failure modes and recovery"),
            new Drill.Dimension("tradeoffs", 10, "Trade-offs",
                    "at least two alternatives compared for the key choices, with reasons"),
            new Drill.Dimension("communication", 10, "Communication",
                    "structured and signposted, no rambling; the reader can follow the design in order"));

    /** Behavioural answers, STAR-style: each dimension absent / weak / solid / strong like the design rubric. */
    public static final List<Drill.Dimension> STAR = List.of(
            new Drill.Dimension("situation", 15, "Situation", "the context and the stakes, in a few sentences, specific enough to be believed"),
            new Drill.Dimension("task", 15, "Task", "your own responsibility and the goal, distinct from the team's"),
            new Drill.Dimension("action", 35, "Action",
                    "what you did, in concrete steps, with the reasoning behind the choices; \"I\", not only \"we\""),
            new Drill.Dimension("result", 20, "Result", "the outcome, quantified where possible, and its effect on users or the business"),
            new Drill.Dimension("reflection", 15, "Reflection", "what you learned and what you would do differently, applied since"));

    private Rubric() {
    }

    /**
     * A base rubric with a drill's overrides applied in order: a known id changes its weight (0 removes it), a new
     * id is added with its own description.
     */
    public static List<Drill.Dimension> withOverrides(List<Drill.Dimension> base, List<Drill.Dimension> overrides) {
        Map<String, Drill.Dimension> dims = new LinkedHashMap<>();
        base.forEach(d -> dims.put(d.id(), d));
        for (Drill.Dimension o : overrides) {
            Drill.Dimension known = dims.get(o.id());
            if (o.weight() <= 0) {
                dims.remove(o.id());
            } else if (known != null) {
                dims.put(o.id(), new Drill.Dimension(o.id(), o.weight(), known.title(),
                        o.description().isBlank() ? known.description() : o.description()));
            } else {
                dims.put(o.id(), o);
            }
        }
        return new ArrayList<>(dims.values());
    }

    /** A readable title for a dimension id: {@code high_level_design} → "High level design". */
    public static String titleOf(String id) {
        String words = id.replace('_', ' ').replace('-', ' ').strip();
        return words.isEmpty() ? id : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
