package dev.drillbook.web;

import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.quiz.CardFiles;
import dev.drillbook.review.CardEntity;
import dev.drillbook.review.Memory;
import dev.drillbook.review.Rating;
import dev.drillbook.review.ReviewService;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.Vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cards as JSON and as HTML: sides rendered with the same Markdown and math as notes, links to their notes. */
@ApplicationScoped
public class CardViews {

    private static final int HTML_CACHE = 2048;

    @Inject
    Vault vault;

    @Inject
    ReviewService reviews;

    private final ObsidianMarkdown markdown = new ObsidianMarkdown();
    private final Map<String, String> htmlCache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > HTML_CACHE;
        }
    });

    public record NoteRef(String path, String title, String url) {
    }

    public record CardJson(String id, String source, String deck, String kind, int line, String front, String back,
            List<String> tags, List<NoteRef> notes, String state, int step, Instant due, double stability, double difficulty,
            int reps, int lapses, Instant lastReview, boolean suspended, boolean buried, boolean leech, boolean deleted,
            double retrievability) {
    }

    public record ReviewJson(String id, String state, int step, Instant due, double stability, double difficulty,
            double retrievability, int reps, int lapses, boolean leech, String interval) {
    }

    /** A card as the review screen shows it. */
    public record StudyCard(String id, String frontHtml, String backHtml, String kind, String deck, String state,
            List<String> tags, String sourceTitle, String sourceUrl, int line, List<NoteRef> notes, boolean leech, int lapses) {
    }

    public record Button(String rating, int key, String label, String interval) {
    }

    public CardJson json(CardEntity c, Instant now) {
        return new CardJson(c.id, c.source, c.deck, c.kind, c.line, c.front, c.back, CardEntity.splitList(c.tags), notes(c),
                c.state.toLowerCase(java.util.Locale.ROOT), c.step, c.due, c.stability, c.difficulty, c.reps, c.lapses,
                c.lastReview, c.suspended(), c.buried(), c.leech, c.deleted(), reviews.retrievability(c, now));
    }

    public ReviewJson review(CardEntity c, Instant now) {
        return new ReviewJson(c.id, c.state.toLowerCase(java.util.Locale.ROOT), c.step, c.due, c.stability, c.difficulty,
                reviews.retrievability(c, now), c.reps, c.lapses, c.leech, c.due == null ? null : interval(Duration.between(now, c.due)));
    }

    public StudyCard study(CardEntity c) {
        boolean fromNote = !c.source.startsWith(CardFiles.QUESTIONS_PREFIX);
        String sourceTitle = fromNote ? vault.note(c.source).map(Note::title).orElse(c.source) : c.source;
        String sourceUrl = fromNote ? SiteUrls.note(c.source)
                : "/questions/" + SiteUrls.encodePath(c.source.substring(CardFiles.QUESTIONS_PREFIX.length())) + "#L" + c.line;
        return new StudyCard(c.id, html(c, c.front), html(c, c.back), c.kind, c.deck, c.state.toLowerCase(java.util.Locale.ROOT),
                CardEntity.splitList(c.tags), sourceTitle, sourceUrl, c.line, notes(c), c.leech, c.lapses);
    }

    public List<Button> buttons(Map<Rating, Memory> preview, Instant now) {
        List<Button> out = new ArrayList<>();
        String[] labels = {"Again", "Hard", "Good", "Easy"};
        for (Rating r : Rating.values()) {
            Memory m = preview.get(r);
            out.add(new Button(r.key(), r.grade(), labels[r.grade() - 1], m == null ? "" : interval(Duration.between(now, m.due()))));
        }
        return out;
    }

    /** Anki-style short interval: 1m, 6m, 1h, 3d, 2.1mo, 1.5y. */
    public static String interval(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 3600) {
            return Math.max(1, Math.round(seconds / 60.0)) + "m";
        }
        if (seconds < 86400) {
            return Math.round(seconds / 3600.0) + "h";
        }
        double days = seconds / 86400.0;
        if (days < 30) {
            return Math.round(days) + "d";
        }
        if (days < 365) {
            return String.format(java.util.Locale.ROOT, "%.1fmo", days / 30.4);
        }
        return String.format(java.util.Locale.ROOT, "%.1fy", days / 365.25);
    }

    public List<NoteRef> notes(CardEntity c) {
        List<NoteRef> out = new ArrayList<>();
        for (String path : CardEntity.splitList(c.notes)) {
            out.add(new NoteRef(path, vault.note(path).map(Note::title).orElse(SiteUrls.baseName(path)), SiteUrls.note(path)));
        }
        return out;
    }

    private String html(CardEntity c, String side) {
        String from = c.source.startsWith(CardFiles.QUESTIONS_PREFIX) ? null : c.source;
        String key = c.id + "\u0000" + c.fingerprint + "\u0000" + vault.version() + "\u0000" + side.hashCode() + side.length();
        return htmlCache.computeIfAbsent(key, k -> markdown.renderFragment(side, from, vault.names()));
    }
}
