package dev.drillbook.anki;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.review.CardEntity;
import dev.drillbook.review.CardFilter;
import dev.drillbook.review.Rating;
import dev.drillbook.review.ReviewException;
import dev.drillbook.review.ReviewService;
import dev.drillbook.vault.Vault;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Anki interop: export cards for Anki's text importer, replay review history (imports: {@link AnkiImporter}). */
@ApplicationScoped
public class AnkiService {

    @Inject
    ReviewService reviews;

    @Inject
    DrillbookConfig config;

    @Inject
    Vault vault;

    private final ObsidianMarkdown markdown = new ObsidianMarkdown();

    /** A request the user can fix; the message says how. */
    public static final class BadImport extends RuntimeException {
        public BadImport(String message) {
            super(message);
        }
    }

    /** Cards (optionally one deck, tag or folder) as an Anki notes file: HTML fields, math for MathJax, deck and tags columns. */
    public String export(CardFilter filter, Instant now) {
        List<CardEntity> cards = reviews.cards(filter, false, false, now, 0, Integer.MAX_VALUE);
        List<AnkiText.Note> notes = new ArrayList<>();
        for (CardEntity c : cards) {
            String front = AnkiText.ankiMath(markdown.renderFragment(c.front, c.source, vault.names())).strip();
            String back = AnkiText.ankiMath(markdown.renderFragment(c.back, c.source, vault.names())).strip();
            List<String> tags = new ArrayList<>(CardEntity.splitList(c.tags));
            tags.add("drillbook");
            notes.add(new AnkiText.Note(front, back, "Drillbook::" + c.deck.replace("/", "::"), tags));
        }
        return AnkiText.write(notes);
    }

    /** What a history import did. */
    public record Replayed(int answers, int cards, List<String> problems) {
    }

    /**
     * Replays review history (CSV with a header: {@code card} or {@code card_id}, {@code reviewed_at} or {@code review_time}
     * as ISO-8601 or epoch milliseconds, {@code rating}/{@code review_rating}/{@code ease} 1–4 or a name) through the
     * scheduler in time order, as if each answer had been given then. Rows that fail are reported; the rest go on.
     * {@code card} is a Drillbook card id or the card's exact front text.
     */
    public Replayed replay(String csv, Instant now) {
        List<List<String>> rows = AnkiText.read("#separator:comma\n" + csv).rows();
        if (rows.size() < 2) {
            throw new BadImport("Send a CSV with a header row (card, reviewed_at, rating) and at least one review.");
        }
        List<String> head = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int cardCol = index(head, "card", "card_id", "cardid", "id");
        int timeCol = index(head, "reviewed_at", "review_time", "reviewedat", "time");
        int ratingCol = index(head, "rating", "review_rating", "ease");
        if (cardCol < 0 || timeCol < 0 || ratingCol < 0) {
            throw new BadImport("The header must name a card column (card or card_id), a time column (reviewed_at or review_time) and "
                    + "a rating column (rating, review_rating or ease); got " + head + ".");
        }
        record Row(int line, String card, Instant at, Rating rating) {
        }
        List<Row> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> byFront = fronts();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            int line = i + 1;
            if (r.size() <= Math.max(cardCol, Math.max(timeCol, ratingCol))) {
                problems.add("line " + line + ": too few columns");
                continue;
            }
            String card = r.get(cardCol).strip();
            String id = reviews.card(card).isPresent() ? card : byFront.get(card);
            if (id == null) {
                problems.add("line " + line + ": no card \"" + shorten(card) + "\"");
                continue;
            }
            Instant at;
            String time = r.get(timeCol).strip();
            try {
                at = time.matches("\\d{9,}") ? Instant.ofEpochMilli(Long.parseLong(time)) : Instant.parse(time);
            } catch (DateTimeParseException | NumberFormatException e) {
                problems.add("line " + line + ": \"" + time + "\" is not an ISO-8601 time or epoch milliseconds");
                continue;
            }
            var rating = Rating.parse(r.get(ratingCol).strip());
            if (rating.isEmpty()) {
                problems.add("line " + line + ": rating \"" + r.get(ratingCol).strip() + "\" is not 1–4 (Anki's 0, manual changes, is skipped)");
                continue;
            }
            parsed.add(new Row(line, id, at, rating.get()));
        }
        parsed.sort(Comparator.comparing(Row::at));
        Set<String> cards = new LinkedHashSet<>();
        int answers = 0;
        for (Row r : parsed) {
            try {
                reviews.answer(r.card(), r.rating(), r.at(), now);
                answers++;
                cards.add(r.card());
            } catch (ReviewException e) {
                problems.add("line " + r.line() + ": " + e.getMessage());
            }
        }
        return new Replayed(answers, cards.size(), problems);
    }

    private Map<String, String> fronts() {
        Map<String, String> out = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> CardEntity.<CardEntity>find("queue <> ?1", CardEntity.QUEUE_DELETED).stream()
                .forEach(c -> out.putIfAbsent(c.front.strip(), c.id)));
        return out;
    }

    private static int index(List<String> head, String... names) {
        for (String n : names) {
            int i = head.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
