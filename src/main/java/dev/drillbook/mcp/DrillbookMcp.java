package dev.drillbook.mcp;

import dev.drillbook.grading.ConceptGrade;
import dev.drillbook.grading.Drill;
import dev.drillbook.grading.DrillCatalog;
import dev.drillbook.grading.GradingService;
import dev.drillbook.graph.GraphQuery;
import dev.drillbook.graph.GraphService;
import dev.drillbook.graph.GraphView;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.review.CardEntity;
import dev.drillbook.review.CardFilter;
import dev.drillbook.review.Rating;
import dev.drillbook.review.ReviewException;
import dev.drillbook.review.ReviewService;
import dev.drillbook.search.SearchException;
import dev.drillbook.search.SearchHit;
import dev.drillbook.search.SearchIndex;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.Vault;
import dev.drillbook.vault.VaultChanged;

import io.quarkiverse.mcp.server.Prompt;
import io.quarkiverse.mcp.server.PromptArg;
import io.quarkiverse.mcp.server.PromptMessage;
import io.quarkiverse.mcp.server.ResourceManager;
import io.quarkiverse.mcp.server.ResourceResponse;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drillbook for assistants that speak the Model Context Protocol (streamable HTTP at {@code /mcp}): search and read
 * notes, follow the topic graph, be quizzed from a chat, list drills and grade answers. Every note is also a resource
 * ({@code drillbook://note/<path>}), so a client can reference a note instead of pasting it, and subscribe to it: an edit
 * of the file sends {@code notifications/resources/updated}. A tool's errors are tool results with a readable message
 * ({@link ToolErrors}).
 */
@ApplicationScoped
@ToolErrors
public class DrillbookMcp {

    private static final Logger LOG = Logger.getLogger(DrillbookMcp.class);
    static final String NOTE_URI = "drillbook://note/";

    @Inject
    Vault vault;

    @Inject
    SearchIndex search;

    @Inject
    GraphService graph;

    @Inject
    ReviewService reviews;

    @Inject
    DrillCatalog drills;

    @Inject
    GradingService grading;

    @Inject
    ResourceManager resources;


    /** Registers resources off the vault's writer thread: 10,000 notes must not delay search indexing or card loading. */
    private final java.util.concurrent.ExecutorService registrar = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mcp-resources");
        t.setDaemon(true);
        return t;
    });

    /**
     * Keeps one resource per note, as notes come and go. Observed late: on the first load, registering every note
     * starts once the search index is built instead of competing with it for the CPU.
     */
    void onVaultChanged(@Observes VaultChanged event) {
        registrar.submit(() -> {
            try {
                sync(event);
            } catch (RuntimeException e) {
                LOG.warnf("MCP resources not updated: %s", e.getMessage());
            }
        });
    }

    /**
     * The notes registered as resources. Asking the resource manager instead ({@code getResource}) scans every
     * registered resource: on obsidian-hub's 6,571 notes that was 21 million entries and a busy core for a minute
     * after every start (JFR: 80 % of the CPU samples once the vault was loaded).
     */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    private void sync(VaultChanged event) {
        for (String path : event.removed()) {
            if (!registered.remove(path)) {
                continue;
            }
            try {
                resources.removeResource(uri(path));
            } catch (RuntimeException e) {
                LOG.debugf("No MCP resource for %s: %s", path, e.getMessage());
            }
        }
        for (String path : event.changed()) {
            if (registered.contains(path)) {
                // an edited note: clients that subscribed to it (resources/subscribe) are told to read it again
                // (one lookup per edit; the first load registers every note and never gets here)
                ResourceManager.ResourceInfo existing = resources.getResource(uri(path));
                if (existing != null) {
                    existing.sendUpdateAndForget();
                }
                continue;
            }
            vault.note(path).ifPresent(note -> {
                resources.newResource(path)
                        .setUri(uri(path))
                        .setTitle(note.title())
                        .setDescription("Note \"" + note.title() + "\"" + (note.tags().isEmpty() ? "" : ", tags " + String.join(", ", note.tags())))
                        .setMimeType("text/markdown")
                        .setHandler(args -> new ResourceResponse(new TextResourceContents(uri(path), source(path).orElse(""), "text/markdown")))
                        .register();
                registered.add(path);
            });
        }
    }

    @Tool(name = "search_notes", description = "Full-text search over the notes (titles, headings, tags, text). Returns the best "
            + "matches with a snippet and the resource URI of each note.")
    public String searchNotes(@ToolArg(description = "search words; quotes for a phrase") String query,
            @ToolArg(description = "how many results (1–20)", required = false, defaultValue = "8") int limit) throws SearchException {
        List<SearchHit> hits = search.search(query, Math.max(1, Math.min(20, limit)), null, null);
        if (hits.isEmpty()) {
            return "No notes match \"" + query + "\".";
        }
        StringBuilder b = new StringBuilder();
        for (SearchHit h : hits) {
            b.append("- ").append(h.title()).append(" (").append(uri(h.path())).append(")");
            if (h.heading() != null) {
                b.append(" § ").append(h.heading());
            }
            b.append("\n  ").append(plain(h.snippet())).append('\n');
        }
        return b.toString();
    }

    @Tool(name = "get_note", description = "A note's Markdown, by path or title (aliases work), optionally only the section under "
            + "one heading.")
    public ToolResponse getNote(@ToolArg(description = "note path (rag/Overview.md) or title") String note,
            @ToolArg(description = "a heading of the note, to get only that section", required = false) String heading) {
        Optional<String> path = find(note);
        if (path.isEmpty()) {
            return ToolResponse.error("No note \"" + note + "\". Use search_notes to find one.");
        }
        String text = source(path.get()).orElse("");
        if (heading != null && !heading.isBlank()) {
            Optional<String> section = section(text, heading);
            if (section.isEmpty()) {
                return ToolResponse.error("The note has no heading \"" + heading + "\".");
            }
            text = section.get();
        }
        return ToolResponse.success(text);
    }

    @Tool(name = "related_notes", description = "Notes linked from or to a note in the topic graph, most connected first.")
    public ToolResponse relatedNotes(@ToolArg(description = "note path or title") String note) {
        Optional<String> path = find(note);
        if (path.isEmpty()) {
            return ToolResponse.error("No note \"" + note + "\".");
        }
        GraphView view = graph.view(new GraphQuery(path.get(), 1, null, null, false, true, 50, false));
        StringBuilder b = new StringBuilder();
        view.nodes().stream().filter(n -> !n.id().equals(path.get()) && "note".equals(n.kind()))
                .sorted((x, y) -> Integer.compare(y.degree(), x.degree()))
                .forEach(n -> b.append("- ").append(n.title()).append(" (").append(uri(n.id())).append(")\n"));
        return ToolResponse.success(b.isEmpty() ? "No linked notes." : b.toString());
    }

    @Tool(name = "next_card", description = "The next flashcard due for review (optionally from one deck or tag): its id and question. "
            + "Ask the user, then call answer_card.")
    public String nextCard(@ToolArg(description = "deck name", required = false) String deck,
            @ToolArg(description = "tag", required = false) String tag) {
        ReviewService.Next next = reviews.next(CardFilter.of(blank(deck), blank(tag), null, null), Instant.now());
        if (next.card() == null) {
            return "Nothing is due" + (next.nextDue() == null ? "." : "; the next card is due " + next.nextDue() + ".");
        }
        return "Card " + next.card().id + " (deck " + next.card().deck + ", " + next.newLeft() + " new and " + next.reviewLeft()
                + " reviews left today)\nQuestion: " + next.card().front;
    }

    @Tool(name = "answer_card", description = "Record the answer to a card: rating again, hard, good or easy (or 1–4). Optionally "
            + "pass the user's answer to have it graded first (0–5) and the rating suggested. Returns the reference answer and when the "
            + "card comes back.")
    public ToolResponse answerCard(@ToolArg(description = "card id from next_card") String card,
            @ToolArg(description = "again, hard, good or easy; leave empty to only grade the answer", required = false) String rating,
            @ToolArg(description = "what the user answered", required = false) String answer) {
        Optional<CardEntity> c = reviews.card(card);
        if (c.isEmpty()) {
            return ToolResponse.error("No card " + card + ".");
        }
        StringBuilder b = new StringBuilder("Reference answer: ").append(c.get().back).append('\n');
        if (answer != null && !answer.isBlank()) {
            ConceptGrade g = grading.gradeConcept(c.get().front, c.get().back, answer, c.get().id);
            b.append(g.score() == null ? "Not graded" + (g.error() == null ? "" : ": " + g.error())
                    : String.format(Locale.ROOT, "Grade %.1f/5 by %s; suggested rating %s.", g.score(), g.grader().label(), g.rating()));
            b.append('\n');
        }
        if (rating == null || rating.isBlank()) {
            return ToolResponse.success(b.append("Not recorded: call again with a rating.").toString());
        }
        Optional<Rating> r = Rating.parse(rating);
        if (r.isEmpty()) {
            return ToolResponse.error("Rating must be again, hard, good or easy (or 1–4), not \"" + rating + "\".");
        }
        try {
            CardEntity done = reviews.answer(card, r.get(), null, Instant.now());
            return ToolResponse.success(b.append("Recorded ").append(r.get().name().toLowerCase(Locale.ROOT)).append("; next review ")
                    .append(done.due).append('.').toString());
        } catch (ReviewException e) {
            return ToolResponse.error(e.getMessage());
        }
    }

    @Tool(name = "list_drills", description = "System-design drills: id, title, level and time limit.")
    public String listDrills() {
        StringBuilder b = new StringBuilder();
        for (Drill d : drills.drills()) {
            b.append("- ").append(d.id()).append(": ").append(d.title()).append(" (").append(d.level()).append(", ")
                    .append(d.timeLimitMinutes()).append(" min)\n");
        }
        return b.isEmpty() ? "No drills." : b.toString();
    }

    @Tool(name = "grade_answer", description = "Grade an answer to a drill (by drill id; the result is stored as an attempt and graded "
            + "in the background — poll with the returned attempt id on the web API) or to a concept question (question + reference, "
            + "graded now, 0–5).")
    public ToolResponse gradeAnswer(@ToolArg(description = "the answer") String answer,
            @ToolArg(description = "drill id from list_drills", required = false) String drill,
            @ToolArg(description = "the question (concept questions)", required = false) String question,
            @ToolArg(description = "the reference answer (concept questions)", required = false) String reference) {
        if (answer == null || answer.isBlank()) {
            return ToolResponse.error("The answer is empty.");
        }
        if (drill != null && !drill.isBlank()) {
            Optional<Drill> d = drills.drill(drill.strip());
            if (d.isEmpty()) {
                return ToolResponse.error("No drill " + drill + ". Use list_drills.");
            }
            long id = grading.submitAnswer(d.get(), answer, null, null);
            return ToolResponse.success("Stored as attempt " + id + " and queued for grading by " + grading.currentGrader().label()
                    + ". The verdict will be at /attempts/" + id + ".");
        }
        if (question == null || question.isBlank() || reference == null || reference.isBlank()) {
            return ToolResponse.error("Give a drill id, or a question and its reference answer.");
        }
        ConceptGrade g = grading.gradeConcept(question, reference, answer, null);
        if (g.score() == null) {
            return ToolResponse.error("Not graded: " + (g.error() != null ? g.error() : String.join(" ", g.notes())));
        }
        return ToolResponse.success(String.format(Locale.ROOT, "Grade %.1f/5 by %s. %s%s", g.score(), g.grader().label(),
                g.critique() == null ? "" : g.critique(), g.missingPoints().isEmpty() ? "" : " Missing: " + String.join("; ", g.missingPoints())));
    }

    @Prompt(name = "quiz_me", description = "Quiz me on a topic, one question at a time, from my own cards and notes.")
    public PromptMessage quizMe(@PromptArg(name = "topic", description = "a deck, tag or subject") String topic) {
        return PromptMessage.withUserRole("Quiz me on " + topic + ". Use next_card (with the deck or tag \"" + topic + "\" when it is "
                + "one) to get a question, ask it without the answer, wait for mine, then call answer_card with my answer and the rating "
                + "I choose. When I miss something, use search_notes and get_note to point me to the section of my notes that explains "
                + "it. One question at a time.");
    }

    @Prompt(name = "system_design_mock", description = "Run a system-design mock interview on one of my drills.")
    public PromptMessage systemDesignMock(@PromptArg(name = "drill", description = "a drill id from list_drills") String drill) {
        String title = drills.drill(drill).map(Drill::title).orElse(drill);
        String prompt = drills.drill(drill).map(Drill::prompt).orElse("(use list_drills to find the drill)");
        return PromptMessage.withUserRole("Interview me on \"" + title + "\" as a senior interviewer would. The question:\n\n" + prompt
                + "\n\nGuide me through requirements, entities and API, high-level design, deep dives and wrap-up; keep time; ask one "
                + "follow-up on my weakest area. Do not give me the answer. At the end, call grade_answer with drill \"" + drill
                + "\" and my full answer, and tell me where the verdict is.");
    }

    // ------------------------------------------------------------------ helpers

    static String uri(String path) {
        return NOTE_URI + URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    static String pathOf(String uri) {
        return URLDecoder.decode(uri.substring(NOTE_URI.length()), StandardCharsets.UTF_8);
    }

    private Optional<String> find(String note) {
        if (note == null || note.isBlank()) {
            return Optional.empty();
        }
        String n = note.strip();
        if (n.startsWith(NOTE_URI)) {
            n = pathOf(n);
        }
        if (vault.note(n).isPresent()) {
            return Optional.of(n);
        }
        Resolution r = vault.names().resolve(n, null);
        return r.resolved() ? Optional.of(r.path()) : Optional.empty();
    }

    /** The note's file, read only through the vault's own index (never a path from the client). */
    private Optional<String> source(String path) {
        Optional<Note> note = vault.note(path);
        if (note.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(dev.drillbook.vault.VaultPaths.readInside(vault.root(), vault.root().resolve(note.get().path())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<String> section(String markdown, String heading) {
        String[] lines = markdown.split("\n", -1);
        String want = heading.strip().replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$").matcher(lines[i]);
            if (m.matches() && m.group(2).toLowerCase(Locale.ROOT).equals(want)) {
                int level = m.group(1).length();
                StringBuilder b = new StringBuilder(lines[i]).append('\n');
                for (int j = i + 1; j < lines.length; j++) {
                    java.util.regex.Matcher n = java.util.regex.Pattern.compile("^(#{1,6})\\s").matcher(lines[j]);
                    if (n.find() && n.group(1).length() <= level) {
                        break;
                    }
                    b.append(lines[j]).append('\n');
                }
                return Optional.of(b.toString().strip());
            }
        }
        return Optional.empty();
    }

    private static String plain(String html) {
        return html == null ? "" : html.replaceAll("<[^>]+>", "").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
