package dev.drillbook.web;

import dev.drillbook.interview.InterviewFormat;
import dev.drillbook.interview.InterviewService;
import dev.drillbook.interview.ItemEntity;
import dev.drillbook.interview.ItemKind;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.vault.Vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Interview sessions and reports as JSON and Markdown. */
@ApplicationScoped
public class InterviewViews {

    @Inject
    Vault vault;

    @Inject
    dev.drillbook.grading.DrillCatalog drillCatalog;

    private final ObsidianMarkdown markdown = new ObsidianMarkdown();

    public record FormatJson(String id, String title, String description, Map<String, Integer> counts, Map<String, Integer> seconds,
            int totalMinutes, List<String> tags, List<String> opening, String summary) {
        static FormatJson of(InterviewFormat f) {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            Map<String, Integer> seconds = new java.util.LinkedHashMap<>();
            for (ItemKind k : ItemKind.values()) {
                counts.put(k.id(), f.count(k));
                seconds.put(k.id(), f.secondsFor(k));
            }
            List<String> parts = new ArrayList<>();
            parts.add(Math.round(f.totalSeconds() / 60f) + " minutes");
            if (f.count(ItemKind.BEHAVIORAL) > 0) {
                parts.add(f.count(ItemKind.BEHAVIORAL) + " behavioural");
            }
            if (f.count(ItemKind.CONCEPT) > 0) {
                parts.add(f.count(ItemKind.CONCEPT) + " concept");
            }
            if (f.count(ItemKind.CODING) > 0) {
                parts.add(f.count(ItemKind.CODING) + " coding");
            }
            if (f.count(ItemKind.DRILL) > 0) {
                parts.add(f.count(ItemKind.DRILL) + " system design");
            }
            return new FormatJson(f.id(), f.title(), f.description(), counts, seconds, Math.round(f.totalSeconds() / 60f), f.tags(),
                    f.opening(), String.join(" · ", parts));
        }
    }

    public record ItemJson(int index, String kind, String prompt, String promptHtml, int timeLimitSeconds, String status, Instant startedAt,
            Instant deadline, String answer, String followUp) {
    }

    public record SessionJson(long id, String format, String title, String status, boolean softLimits, Instant startedAt, Instant finishedAt,
            int totalSeconds, Integer current, List<ItemJson> items, String followUp) {
    }

    public record SummaryJson(long id, String title, String status, Instant startedAt, Integer score, int items) {
    }

    /** @param story for a behavioural item, the user's own stories for the question (Markdown), null when they have none */
    public record ReportItemJson(int index, String kind, String prompt, String status, Integer grade, String grader, String verdict,
            Integer timeUsedSeconds, int timeLimitSeconds, Integer overrunSeconds, Long attemptId, String url, String story,
            String storyHtml) {
    }

    public record TopicJson(String name, String url, Integer grade) {
    }

    public record FixJson(String text, String item, List<NoteLinkJson> notes) {
    }

    public record NoteLinkJson(String title, String url) {
    }

    public record ReportJson(long id, String title, String status, boolean grading, Integer overall, List<ReportItemJson> items,
            List<TopicJson> weakTopics, List<TopicJson> topics, List<InterviewService.DimensionProfile> dimensions, List<FixJson> fixes,
            List<String> queuedCards, List<String> redoDrills, int toAssess, List<NoteLinkJson> redo) {
    }

    /** Words of a prompt up to about {@code max} characters, cut at a word boundary: a readable name for an untagged item. */
    static String shortTitle(String prompt, int max) {
        String line = prompt == null ? "" : prompt.strip().lines().findFirst().orElse("").replaceAll("[#*_`>\\[\\]]", "").strip();
        if (line.length() <= max) {
            return line;
        }
        int cut = line.lastIndexOf(' ', max);
        return line.substring(0, cut > max / 2 ? cut : max).strip() + "…";
    }

    SessionJson session(InterviewService.State st, String followUp) {
        List<ItemJson> items = new ArrayList<>();
        Integer current = null;
        int total = 0;
        for (ItemEntity i : st.items()) {
            total += i.timeLimitSeconds;
            if (ItemEntity.OPEN.equals(i.status)) {
                current = i.position;
            }
            items.add(new ItemJson(i.position, i.kind, i.prompt, markdown.renderFragment(i.prompt, "questions/interview.md", vault.names()),
                    i.timeLimitSeconds, i.status, i.startedAt, i.deadline(), i.answer, i.followUp));
        }
        var s = st.session();
        return new SessionJson(s.id, s.formatId, s.title, s.status, s.softLimits, s.startedAt, s.finishedAt, total, current, items, followUp);
    }

    ReportJson report(InterviewService.Report r) {
        List<ReportItemJson> items = new ArrayList<>();
        for (InterviewService.ItemResult ir : r.items()) {
            ItemEntity i = ir.item();
            String url = ir.attempt() != null && "drill".equals(ir.attempt().kind) ? "/attempts/" + ir.attempt().id : null;
            String story = i.itemKind() == ItemKind.BEHAVIORAL && i.reference != null && !i.reference.isBlank() ? i.reference : null;
            items.add(new ReportItemJson(i.position, i.kind, i.prompt, ir.status(), ir.grade(), ir.grader(), ir.verdict(), ir.timeUsedSeconds(),
                    i.timeLimitSeconds, ir.overrunSeconds(), ir.attempt() == null ? null : ir.attempt().id, url, story,
                    story == null ? null : markdown.renderFragment(story, "questions/interview.md", vault.names())));
        }
        // An item without a topical tag has its id as topic: show the item's question (and its drill page) instead.
        Map<String, NoteLinkJson> byRef = new java.util.HashMap<>();
        for (InterviewService.ItemResult ir : r.items()) {
            ItemEntity i = ir.item();
            if (i.refId != null) {
                byRef.putIfAbsent(i.refId, new NoteLinkJson(shortTitle(i.prompt, 70), drillCatalog.drill(i.refId).map(DrillPages::url).orElse(null)));
            }
        }
        List<TopicJson> topics = r.topics().stream().map(t -> byRef.containsKey(t.name())
                ? new TopicJson(byRef.get(t.name()).title(), byRef.get(t.name()).url(), t.grade())
                : new TopicJson(t.name(), InterviewService.topicUrl(t.name()), t.grade())).toList();
        List<NoteLinkJson> redo = r.redoDrills().stream().map(id -> drillCatalog.drill(id)
                .map(d -> new NoteLinkJson(d.title(), DrillPages.url(d))).orElse(new NoteLinkJson(id, null))).toList();
        List<TopicJson> weak = topics.stream().filter(t -> t.grade() != null && t.grade() < 60).toList();
        List<FixJson> fixes = r.fixes().stream().map(f -> new FixJson(f.text(), f.itemPrompt(), notes(f.notes()))).toList();
        return new ReportJson(r.session().id, r.session().title, r.session().status, r.grading(), r.overall(), items, weak, topics,
                r.dimensions(), fixes, r.queuedCards(), r.redoDrills(), r.toAssess(), redo);
    }

    List<NoteLinkJson> notes(List<String> targets) {
        List<NoteLinkJson> out = new ArrayList<>();
        for (String t : targets) {
            var res = vault.names().resolve(t, null);
            if (res.resolved()) {
                out.add(new NoteLinkJson(vault.note(res.path()).map(n -> n.title()).orElse(SiteUrls.baseName(res.path())), SiteUrls.note(res.path())));
            } else if (vault.note(t).isPresent()) {
                out.add(new NoteLinkJson(vault.note(t).get().title(), SiteUrls.note(t)));
            }
        }
        return out;
    }

    /** The report as a Markdown document the user can keep with their notes. */
    String markdown(ReportJson r, InterviewService.Report full) {
        StringBuilder b = new StringBuilder();
        b.append("# Mock interview: ").append(r.title()).append("\n\n");
        b.append("- Started: ").append(TemplateHelpers.dateTime(full.session().startedAt)).append('\n');
        b.append("- Overall: ").append(r.overall() != null ? r.overall() + "/100" : r.toAssess() > 0 ? "waiting for your self-assessment of "
                + r.toAssess() + " answer(s)" : "still grading").append("\n\n");
        b.append("| # | Kind | Question | Grade | Time |\n|---|---|---|---|---|\n");
        for (ReportItemJson i : r.items()) {
            b.append("| ").append(i.index() + 1).append(" | ").append(i.kind()).append(" | ")
                    .append(cell(i.prompt())).append(" | ").append(i.grade() == null ? i.status() : i.grade() + "/100")
                    .append(i.grader() == null ? "" : " (" + cell(i.grader()) + ")").append(" | ")
                    .append(i.timeUsedSeconds() == null ? "–" : TemplateHelpers.clock(i.timeUsedSeconds())).append(" of ")
                    .append(TemplateHelpers.clock(i.timeLimitSeconds())).append(" |\n");
        }
        for (ReportItemJson i : r.items()) {
            if (i.story() != null) {
                b.append("\n## Your story for question ").append(i.index() + 1).append("\n\n").append(i.story().strip()).append('\n');
            }
        }
        if (!r.fixes().isEmpty()) {
            b.append("\n## Top fixes\n\n");
            for (FixJson f : r.fixes()) {
                b.append("1. ").append(f.text());
                f.notes().forEach(n -> b.append(" — [[").append(n.title()).append("]]"));
                b.append('\n');
            }
        }
        if (!r.topics().isEmpty()) {
            b.append("\n## By topic\n\n");
            r.topics().forEach(t -> b.append("- ").append(t.name()).append(": ").append(t.grade()).append("/100\n"));
        }
        if (!r.dimensions().isEmpty()) {
            b.append("\n## By rubric dimension (0–3)\n\n");
            r.dimensions().forEach(d -> b.append("- ").append(d.title()).append(": ").append(String.format(Locale.ROOT, "%.1f", d.level())).append('\n'));
        }
        if (!r.queuedCards().isEmpty() || !r.redoDrills().isEmpty()) {
            b.append("\n## Fed back into practice\n\n");
            if (!r.queuedCards().isEmpty()) {
                b.append("- ").append(r.queuedCards().size()).append(" missed card(s) due for review now\n");
            }
            r.redo().forEach(d -> b.append("- Redo: ").append(d.title()).append('\n'));
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replaceAll("\\s+", " ").strip();
    }
}
