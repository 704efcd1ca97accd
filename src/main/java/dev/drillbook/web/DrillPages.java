package dev.drillbook.web;

import dev.drillbook.grading.AttemptEntity;
import dev.drillbook.grading.Drill;
import dev.drillbook.grading.DrillCatalog;
import dev.drillbook.grading.Grade;
import dev.drillbook.grading.GradingService;
import dev.drillbook.grading.Rubric;
import dev.drillbook.grading.Verdict;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.Vault;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The drill pages: the list, the drill screen (prompt, timer, editor) and an attempt's verdict. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DrillPages {

    /**
     * Where each phase of an LLM system-design interview ends, as a share of the time budget (for 45 minutes: about 5
     * on requirements and metrics, 4 on estimates, 10 on the architecture and its data, 12 on the deep dive, 7 on
     * evaluation and the rest on failure modes and cost), and which headings of an answer stand for it. The phases
     * follow the default rubric's dimensions.
     */
    static final List<Phase> PHASES = List.of(
            phase("requirements", "Requirements and metrics",
                    "Functional requirements, quantified non-functional ones, the metrics of success; say what is out of scope.", 0.11,
                    "requirement|scope|goals?\\b|success"),
            phase("estimates", "Estimates", "Work out the numbers: requests per second, concurrency, tokens per request, storage.", 0.2,
                    "estimate|back-of|capacity|sizing|numbers|scale"),
            phase("architecture", "Architecture and data", "Trace every requirement through named components; where the data comes from.",
                    0.42, "architecture|high-level|high level|design|components|\\bapi\\b|data|ingestion|index"),
            phase("deep_dives", "Deep dive", "Go deep on the crux with mechanisms and numbers; compare the alternatives.", 0.7,
                    "deep dive|deep-dive|crux|in depth"),
            phase("evaluation", "Evaluation", "The offline set and metrics that gate changes; online metrics after launch.", 0.86,
                    "evaluat|\\bevals?\\b|quality|testing"),
            phase("wrap_up", "Failure modes and cost", "What breaks and the fallback; latency budget and cost per request.", 1.0,
                    "failure|risk|reliab|safety|cost|latency|trade-off|tradeoff|wrap|summary|next steps"));

    /** A behavioural answer's arc, as shares of its time. */
    static final List<Phase> STAR_PHASES = List.of(
            phase("situation", "Situation and task", "Set the scene and your own responsibility in a few sentences.", 0.25,
                    "situation|context|task|background"),
            phase("action", "Action", "What you did, step by step, and why: \"I\", not \"we\".", 0.7, "action|what i did"),
            phase("result", "Result", "What happened, with a number if you have one.", 0.85, "result|outcome|impact"),
            phase("reflection", "Reflection", "What you learned and do differently now.", 1.0, "reflection|learn|lesson|differently"));

    /** A coding exercise, as shares of its time. */
    static final List<Phase> CODING_PHASES = List.of(
            phase("understanding", "Clarify and example", "Restate the task, settle inputs and outputs, work a small example by hand.",
                    0.15, "clarif|understand|example|assum"),
            phase("approach", "Approach and complexity", "Say the algorithm and its time and memory before writing it.", 0.3,
                    "approach|algorithm|idea|complexity"),
            phase("code", "Code", "Write it, explaining the choices as you go.", 0.8, "code|implementation|solution"),
            phase("tests", "Edge cases and tests", "Empty input, ties, numerical limits; show the checks.", 1.0, "test|edge|check"));

    /** Lines that structure an answer: Markdown headings, bold-only lines, "Label:" lines. */
    private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile("(?m)^(#{1,6}\\s.*|\\*\\*[^*]+\\*\\*:?\\s*$|[^\\n]{1,40}:\\s*$)");

    @Inject
    DrillCatalog drills;

    @Inject
    GradingService grading;

    @Inject
    Vault vault;

    @Inject
    dev.drillbook.story.StoryBank stories;

    private final ObsidianMarkdown markdown = new ObsidianMarkdown();

    /** @param heading what a heading of an answer (lower-cased) must contain to count as this phase's section */
    record Phase(String id, String title, String hint, double endsAt, java.util.regex.Pattern heading) {
    }

    private static Phase phase(String id, String title, String hint, double endsAt, String heading) {
        return new Phase(id, title, hint, endsAt, java.util.regex.Pattern.compile(heading));
    }

    static List<Phase> phasesOf(Drill d) {
        return d.behavioral() ? STAR_PHASES : d.coding() ? CODING_PHASES : PHASES;
    }

    record NoteLink(String title, String url) {
    }

    /**
     * @param redo the latest graded attempt scored under 60 (in a mock interview or here): worth another go
     * @param stories for a behavioural question, the user's stories that answer it
     */
    record DrillRow(String id, String title, String level, int minutes, List<String> tags, int attempts, Integer best, Integer last,
            String url, boolean draft, boolean redo, List<NoteLink> stories) {
    }

    record DrillsPage(List<DrillRow> drills, List<DrillRow> coding, List<DrillRow> behavioral, String grader, boolean judge) {
    }

    record PhaseRow(String id, String title, String hint, int startSeconds, int endSeconds) {
    }

    /** @param stories for a behavioural question, the user's stories that answer it; @param placeholder the editor's hint */
    record DrillPage(Drill drill, String promptHtml, List<NoteLink> notes, List<NoteLink> stories, String placeholder, List<PhaseRow> phases,
            List<DimensionRow> rubric,
            String grader, boolean judge, List<HistoryRow> history, Chart chart) {
    }

    record DimensionRow(String title, String description, int percent) {
    }

    record HistoryRow(long id, String url, String when, String status, Integer score, String band, String bandClass, String grader) {
    }

    public record ChartPoint(double x, double y, int score, String url, boolean current) {
    }

    /** A small line chart of scores across attempts; empty with fewer than two graded attempts. */
    public record Chart(List<ChartPoint> points, String polyline) {
        public boolean drawn() {
            return points.size() >= 2;
        }

        /** The chart as inline SVG (numbers and attempt URLs only, nothing user-written). */
        public String svg() {
            StringBuilder b = new StringBuilder("<svg class=\"trend-chart\" width=\"600\" height=\"160\" viewBox=\"0 0 600 160\" role=\"img\" aria-label=\"Scores across attempts\">");
            b.append("<line x1=\"24\" y1=\"140\" x2=\"576\" y2=\"140\" class=\"axis\"/>");
            for (int s : new int[] {40, 60, 80}) {
                double y = 140 - s * 1.2;
                b.append("<line x1=\"24\" y1=\"").append(y).append("\" x2=\"576\" y2=\"").append(y).append("\" class=\"grid\"/>")
                        .append("<text x=\"0\" y=\"").append(y + 4).append("\" class=\"axis-label\">").append(s).append("</text>");
            }
            b.append("<polyline points=\"").append(polyline).append("\" class=\"trend-line\"/>");
            for (ChartPoint p : points) {
                b.append("<a href=\"").append(p.url()).append("\"><circle cx=\"").append(p.x()).append("\" cy=\"").append(p.y())
                        .append("\" r=\"").append(p.current() ? 7 : 5).append("\" class=\"trend-dot").append(p.current() ? " current" : "")
                        .append("\"><title>").append(p.score()).append("</title></circle></a>");
            }
            return b.append("</svg>").toString();
        }
    }

    record KeyPointRow(String text, boolean required, String status, String quote, List<NoteLink> notes) {
    }

    record VerdictDimension(String title, int percent, int level, String levelName, boolean capped, int judgeLevel, String critique,
            List<String> quotes) {
    }

    record TimeAudit(String used, String limit, boolean overrun, String overrunBy, int usedPercent, List<String> sections, List<String> missingSections) {
    }

    /** A key point to assess: the estimate's suggested mark and the passage it matched, as a hint. */
    record AssessRow(String id, String text, boolean required, String suggested, String quote, int number) {
    }

    record AttemptPage(Drill drill, String drillUrl, long id, String status, String error, Grade grade, Integer score, String band,
            String bandClass, String graderLabel, boolean offline, String answerHtml, List<VerdictDimension> dimensions,
            List<KeyPointRow> covered, List<KeyPointRow> missed, List<Verdict.Improvement> improvements, TimeAudit time,
            String outlineHtml, List<HistoryRow> history, Chart chart, String submitted, List<AssessRow> assessRows, Integer estimate,
            List<DimensionRow> rubric) {
        public boolean assess() {
            return AttemptEntity.ASSESS.equals(status);
        }

        public boolean pending() {
            return AttemptEntity.PENDING.equals(status);
        }

        public boolean failed() {
            return AttemptEntity.FAILED.equals(status);
        }
    }

    record MissingAttempt(String message) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance drills(DrillsPage page);

        static native TemplateInstance drill(DrillPage page);

        static native TemplateInstance attempt(AttemptPage page);
    }

    @GET
    @Path("drills")
    @Operation(hidden = true)
    public TemplateInstance list() {
        List<AttemptEntity> recent = grading.recentAttempts(10_000);
        Map<String, List<AttemptEntity>> byDrill = recent.stream().collect(Collectors.groupingBy(a -> a.drillId));
        List<DrillRow> rows = rows(drills.drills(), byDrill);
        List<DrillRow> stories = rows(drills.behavioral(), byDrill);
        return Templates.drills(new DrillsPage(rows, rows(drills.coding(), byDrill), stories, grading.currentGrader().label(),
                grading.judgeConfigured()));
    }

    private List<DrillRow> rows(List<Drill> list, Map<String, List<AttemptEntity>> byDrill) {
        List<DrillRow> rows = new ArrayList<>();
        for (Drill d : list) {
            // newest first
            List<AttemptEntity> as = byDrill.getOrDefault(d.id(), List.of());
            Integer best = as.stream().filter(a -> a.score != null).map(a -> (int) Math.round(a.score)).max(Integer::compare).orElse(null);
            Integer last = as.stream().filter(a -> a.score != null).findFirst().map(a -> (int) Math.round(a.score)).orElse(null);
            rows.add(new DrillRow(d.id(), d.title(), d.level(), d.timeLimitMinutes(), d.tags(), as.size(), best, last, url(d),
                    grading.draft(d.id()).isPresent(), last != null && last < 60, storyLinks(d)));
        }
        return rows;
    }

    @GET
    @Path("drills/{id: .+}")
    @Operation(hidden = true)
    public TemplateInstance drill(@PathParam("id") String id) {
        Drill d = drills.drill(id).orElseThrow(() -> ApiException.notFound("No drill " + id + " in questions/ (or it is broken: see the problems page)."));
        int total = d.timeLimitMinutes() * 60;
        List<PhaseRow> phases = new ArrayList<>();
        double start = 0;
        for (Phase p : phasesOf(d)) {
            phases.add(new PhaseRow(p.id(), p.title(), p.hint(), (int) Math.round(start * total), (int) Math.round(p.endsAt() * total)));
            start = p.endsAt();
        }
        List<DimensionRow> rubric = rubricRows(d);
        List<AttemptEntity> attempts = grading.attempts(d.id());
        String placeholder = phasesOf(d).stream().map(p -> "## " + p.title() + "\n…").collect(Collectors.joining("\n\n"))
                + "\n\nMarkdown and $math$ work. Ctrl+Enter submits.";
        return Templates.drill(new DrillPage(d, markdown.renderFragment(d.prompt(), d.source(), vault.names()), noteLinks(d.notes(), d.source()),
                storyLinks(d), placeholder,
                phases, rubric, grading.currentGrader().label(), grading.judgeConfigured(), history(attempts), chart(attempts, -1)));
    }

    @GET
    @Path("attempts/{id}")
    @Operation(hidden = true)
    public TemplateInstance attempt(@PathParam("id") String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No attempt " + id + ".");
        }
        AttemptEntity a = grading.attempt(n).filter(x -> "drill".equals(x.kind))
                .orElseThrow(() -> ApiException.notFound("No drill attempt " + id + "."));
        Drill d = drills.drill(a.drillId).orElse(null);
        if (d == null) {
            throw ApiException.notFound("The drill " + a.drillId + " of attempt " + id + " is no longer in questions/.");
        }
        boolean assess = AttemptEntity.ASSESS.equals(a.status);
        Grade estimate = assess ? grading.gradeOf(a) : null;
        List<AssessRow> assessRows = new ArrayList<>();
        if (assess) {
            for (Drill.KeyPoint k : d.keyPoints()) {
                Grade.KeyPointGrade s = estimate == null ? null : estimate.keyPoints().stream().filter(x -> x.id().equals(k.id())).findFirst().orElse(null);
                assessRows.add(new AssessRow(k.id(), k.statement(), k.required(), s == null ? "missing" : s.status(), s == null ? null : s.quote(),
                        assessRows.size() + 1));
            }
        }
        Grade g = AttemptEntity.GRADED.equals(a.status) ? grading.gradeOf(a) : null;
        List<AnswerHighlighter.Evidence> evidence = new ArrayList<>();
        List<VerdictDimension> dims = new ArrayList<>();
        List<KeyPointRow> covered = new ArrayList<>();
        List<KeyPointRow> missed = new ArrayList<>();
        if (g != null) {
            double weights = g.dimensions().stream().mapToDouble(Grade.DimensionGrade::weight).sum();
            for (Grade.DimensionGrade dim : g.dimensions()) {
                dims.add(new VerdictDimension(dim.title(), (int) Math.round(100 * dim.weight() / weights), dim.level(), dim.levelName(),
                        dim.level() < dim.judgeLevel(), dim.judgeLevel(), dim.critique(), dim.quotes()));
                dim.quotes().forEach(q -> evidence.add(new AnswerHighlighter.Evidence(q, dim.title())));
            }
            for (Grade.KeyPointGrade k : g.keyPoints()) {
                KeyPointRow row = new KeyPointRow(Drill.KeyPoint.statement(k.text()), k.required(), k.status(), k.quote(), noteLinks(k.links(), d.source()));
                if (k.quote() != null) {
                    evidence.add(new AnswerHighlighter.Evidence(k.quote(), "Key point: " + Drill.KeyPoint.statement(k.text())));
                }
                (k.status().equals("covered") ? covered : missed).add(row);
            }
        }
        List<AttemptEntity> attempts = grading.attempts(d.id());
        Integer score = g == null ? null : g.score();
        return Templates.attempt(new AttemptPage(d, url(d), a.id, a.status, a.error, g, score, g == null ? null : g.band(),
                bandClass(score), g == null ? grading.currentGrader().label() : g.grader().label(),
                g != null && "offline".equals(g.grader().kind()), AnswerHighlighter.html(a.answer, evidence), dims, covered, missed,
                g == null ? List.of() : g.improvements(), timeAudit(a, phasesOf(d)), markdown.renderFragment(reference(d), d.source(), vault.names()),
                history(attempts), chart(attempts, a.id), TemplateHelpers.dateTime(a.submittedAt), assessRows,
                estimate == null ? null : estimate.score(), rubricRows(d)));
    }

    static List<DimensionRow> rubricRows(Drill d) {
        double weights = d.rubric().stream().mapToDouble(Drill.Dimension::weight).sum();
        return d.rubric().stream().map(r -> new DimensionRow(r.title(), r.description(), (int) Math.round(100 * r.weight() / weights))).toList();
    }

    /** What the attempt page shows as the reference: the outline, or for a behavioural question the user's own stories. */
    private String reference(Drill d) {
        String story = d.behavioral() ? stories.reference(d.id()) : "";
        return story.isEmpty() ? d.referenceOutline() : story;
    }

    private List<NoteLink> storyLinks(Drill d) {
        if (!d.behavioral()) {
            return List.of();
        }
        return stories.forQuestion(d.id()).stream().map(s -> new NoteLink(s.title(), SiteUrls.note(s.path()))).toList();
    }

    static String url(Drill d) {
        return "/drills/" + SiteUrls.encodePath(d.id());
    }

    static String bandClass(Integer score) {
        return score == null ? "band-none" : "band-" + Grade.band(score).toLowerCase(Locale.ROOT);
    }


    private List<NoteLink> noteLinks(List<String> targets, String from) {
        Set<String> seen = new LinkedHashSet<>();
        List<NoteLink> out = new ArrayList<>();
        for (String t : targets) {
            Resolution r = vault.names().resolve(t, from);
            if (r.resolved() && seen.add(r.path())) {
                out.add(new NoteLink(vault.note(r.path()).map(Note::title).orElse(SiteUrls.baseName(r.path())), SiteUrls.note(r.path())));
            } else if (!r.resolved() && seen.add(t)) {
                out.add(new NoteLink(t, SiteUrls.unresolved(t)));
            }
        }
        return out;
    }

    private List<HistoryRow> history(List<AttemptEntity> attempts) {
        List<HistoryRow> rows = new ArrayList<>();
        for (AttemptEntity a : attempts) {
            Integer s = a.score == null ? null : (int) Math.round(a.score);
            rows.add(new HistoryRow(a.id, "/attempts/" + a.id, TemplateHelpers.dateTime(a.submittedAt), a.status, s,
                    s == null ? null : Grade.band(s), bandClass(s), AttemptEntity.ASSESS.equals(a.status) ? "to assess"
                            : "self".equals(a.graderKind) ? "self-assessed" : "offline".equals(a.graderKind) ? "offline estimate"
                            : a.graderModel == null ? "" : a.graderModel));
        }
        rows.sort(Comparator.comparingLong(HistoryRow::id).reversed());
        return rows;
    }

    /** Scores over attempts in a 600×160 box: x by attempt order, y by score (0 at the bottom). */
    static Chart chart(List<AttemptEntity> attempts, long current) {
        List<AttemptEntity> graded = attempts.stream().filter(a -> a.score != null).toList();
        List<ChartPoint> points = new ArrayList<>();
        int n = graded.size();
        for (int i = 0; i < n; i++) {
            AttemptEntity a = graded.get(i);
            double x = n == 1 ? 300 : 24 + i * (552.0 / (n - 1));
            double y = 140 - a.score * 1.2;
            points.add(new ChartPoint(Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0, (int) Math.round(a.score), "/attempts/" + a.id,
                    a.id == current));
        }
        String line = points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
        return new Chart(points, line);
    }

    private static TimeAudit timeAudit(AttemptEntity a, List<Phase> phases) {
        List<String> sections = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String lower = a.answer.toLowerCase(Locale.ROOT);
        List<String> headings = HEADING.matcher(lower).results().map(java.util.regex.MatchResult::group).toList();
        for (Phase p : phases) {
            boolean found = headings.stream().anyMatch(h -> p.heading().matcher(h).find());
            (found ? sections : missing).add(p.title());
        }
        if (a.timeUsedSeconds == null) {
            return new TimeAudit(null, minutes(a.timeLimitSeconds), false, null, 0, sections, missing);
        }
        int used = a.timeUsedSeconds;
        int limit = a.timeLimitSeconds == null ? 0 : a.timeLimitSeconds;
        boolean over = limit > 0 && used > limit;
        return new TimeAudit(minutes(used), minutes(limit), over, over ? minutes(used - limit) : null,
                limit == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * used / limit)), sections, missing);
    }

    static String minutes(Integer seconds) {
        if (seconds == null) {
            return null;
        }
        Duration d = Duration.ofSeconds(seconds);
        return d.toMinutes() + ":" + String.format(Locale.ROOT, "%02d", d.toSecondsPart());
    }

    static String levelName(int level) {
        return Rubric.LEVELS.get(level);
    }
}
