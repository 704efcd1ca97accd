package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rubrics: each dimension judged absent / weak / solid / strong (0–3), weighted into a 0–100 score. A drill's
 * {@code ## Rubric} section changes weights, removes a dimension (weight 0) or adds its own.
 */
public final class Rubric {

    /** Level names, indexed by level. */
    public static final List<String> LEVELS = List.of("absent", "weak", "solid", "strong");

    /**
     * The default rubric for LLM system design, after the ML-design scaffolds (clarify → metrics → data → model → serving →
     * evaluation → monitoring): besides the design itself it scores the numbers, the data, the evaluation plan, cost and
     * latency, and what fails. Trade-offs are part of the deep dive; communication shows in every critique.
     */
    public static final List<Drill.Dimension> DEFAULT = List.of(
            new Drill.Dimension("requirements", 15, "Requirements and metrics",
                    "the users and the 3–5 functional requirements that matter, prioritised; non-functional ones quantified (p95 "
                            + "latency or time to first token, availability, scale, freshness); the product and quality metrics "
                            + "that define success; explicit out-of-scope"),
            new Drill.Dimension("estimates", 10, "Estimates",
                    "back-of-envelope numbers worked out, not asserted: requests per second on average and at peak, concurrent "
                            + "sessions, tokens per request, storage or index size; and the design decisions they drive"),
            new Drill.Dimension("architecture", 15, "Architecture",
                    "every requirement traced end to end through named components and the API at the boundary; a coherent "
                            + "request and data flow; which model serves each step, and why"),
            new Drill.Dimension("data", 10, "Data",
                    "where the data comes from and how it stays fresh (ingestion, parsing, chunking or features); labels, "
                            + "training and evaluation data; permissions, privacy and retention"),
            new Drill.Dimension("deep_dives", 15, "Deep dive",
                    "finds the crux of this problem and goes deep with concrete mechanisms and numbers, not names; compares at "
                            + "least two alternatives for the key choice, with reasons"),
            new Drill.Dimension("evaluation", 15, "Evaluation",
                    "an offline evaluation set (how it is built, how large, which metrics, a judge calibrated against people) "
                            + "that gates every change; online metrics and experiments after launch; error analysis feeding back"),
            new Drill.Dimension("cost_latency", 10, "Cost and latency",
                    "a latency budget per stage and a cost per request or per month from the token arithmetic; the levers that "
                            + "meet both (caching, smaller models, batching, streaming) and what each costs in quality"),
            new Drill.Dimension("failure_modes", 10, "Failure modes and safety",
                    "what breaks (wrong or unsupported answers, retrieval misses, provider outages, overload, abuse and prompt "
                            + "injection, data leaks), how it is detected, and the fallback; the safety and permission guarantees"));

    /** Behavioural answers, STAR-style: each dimension absent / weak / solid / strong like the design rubric. */
    public static final List<Drill.Dimension> STAR = List.of(
            new Drill.Dimension("situation", 15, "Situation", "the context and the stakes, in a few sentences, specific enough to be believed"),
            new Drill.Dimension("task", 15, "Task", "your own responsibility and the goal, distinct from the team's"),
            new Drill.Dimension("action", 35, "Action",
                    "what you did, in concrete steps, with the reasoning behind the choices; \"I\", not only \"we\""),
            new Drill.Dimension("result", 20, "Result", "the outcome, quantified where possible, and its effect on users or the business"),
            new Drill.Dimension("reflection", 15, "Reflection", "what you learned and what you would do differently, applied since"));

    /** Coding exercises ({@code type: coding}): implement a small algorithm and say why it is right. */
    public static final List<Drill.Dimension> CODING = List.of(
            new Drill.Dimension("understanding", 10, "Problem understanding",
                    "restates the task, settles inputs, outputs and constraints, and works a small example by hand first"),
            new Drill.Dimension("correctness", 35, "Correctness", "the right algorithm, and code that computes what was asked on ordinary inputs"),
            new Drill.Dimension("edge_cases", 20, "Edge cases and tests",
                    "names the edge cases (empty input, ties, numerical stability, limits) and shows tests or checks for them"),
            new Drill.Dimension("complexity", 15, "Complexity", "time and memory stated and justified; knows when a faster variant is needed"),
            new Drill.Dimension("code_quality", 20, "Code and explanation",
                    "readable, well-named code, explained while it is written; the choices a reviewer would question are justified"));

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
