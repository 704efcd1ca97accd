package dev.drillbook.backup;

import dev.drillbook.grading.AttemptEntity;
import dev.drillbook.grading.DraftEntity;
import dev.drillbook.interview.ItemEntity;
import dev.drillbook.interview.SessionEntity;
import dev.drillbook.review.CardEntity;
import dev.drillbook.review.ReviewLogEntity;
import dev.drillbook.review.ReviewService;

import dev.drillbook.quiz.CardCatalog;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * All of a user's state in one JSON document — card schedules, the review log, drill attempts and drafts, interview
 * sessions — and its restore. Notes and card text are files and are not in it.
 * <p>
 * A restore merges, it never replaces: cards are matched by identity (file and content fingerprint, since ids are
 * generated per database); the review log becomes the union of both logs; each card keeps the schedule of whichever
 * side answered it last, so restoring an old backup over newer reviews changes nothing of them. Every value is
 * checked first ({@link BackupCheck}) and a bad one refuses the whole file. Restoring twice duplicates nothing.
 */
@ApplicationScoped
public class BackupService {

    public static final String FORMAT = "drillbook-backup";
    public static final int VERSION = 1;

    @Inject
    ObjectMapper json;

    @Inject
    ReviewService reviews;

    /** Public fields only: entity columns, not framework state. */
    private ObjectMapper fields() {
        return json.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * What a restore did, or would do ({@code applied} false: a preview). Cards are matched to this database's cards
     * by id or by file and content; {@code cardsUpdated} of them took the backup's schedule because the backup's
     * history of them is newer. {@code cardsHidden} matched no card of the vault: kept with their history but out of
     * review until their file returns; {@code missingFiles} names the files they came from.
     */
    public record Summary(boolean applied, int cardsMatched, int cardsUpdated, int cardsHidden, List<String> missingFiles, int reviewsAdded,
            int reviewsSkipped, int attemptsAdded, int attemptsSkipped, int draftsRestored, int sessionsAdded, int sessionsSkipped) {
    }

    /** Thrown for a document that cannot be restored; the message says why, {@code errors} lists every bad value. */
    public static final class InvalidBackup extends RuntimeException {
        private final List<String> errors;

        public InvalidBackup(String message) {
            this(message, List.of());
        }

        public InvalidBackup(String message, List<String> errors) {
            super(message);
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    /** Carries a preview's summary out of the transaction it rolls back. */
    private static final class Preview extends RuntimeException {
        final Summary summary;

        Preview(Summary summary) {
            super(null, null, false, false);
            this.summary = summary;
        }
    }

    /** Missing files listed in a summary: enough to recognise the folder that was not copied. */
    static final int MISSING_FILES_LISTED = 50;
    /** A restore right after a start waits this long for the vault's cards to be read, so that it matches them. */
    static final Duration CARDS_LOADED_WAIT = Duration.ofMinutes(2);

    @Inject
    CardCatalog catalog;

    public ObjectNode export(Instant now) {
        ObjectMapper f = fields();
        return QuarkusTransaction.requiringNew().call(() -> {
            ObjectNode root = json.createObjectNode();
            root.put("format", FORMAT).put("version", VERSION).put("exportedAt", now.toString());
            ArrayNode cards = root.putArray("cards");
            CardEntity.<CardEntity>streamAll().forEach(c -> cards.add(f.valueToTree(c)));
            ArrayNode log = root.putArray("reviewLog");
            ReviewLogEntity.<ReviewLogEntity>find("order by id").stream().forEach(r -> log.add(withoutId(f.valueToTree(r))));
            ArrayNode attempts = root.putArray("attempts");
            Map<Long, String> attemptKeys = new HashMap<>();
            AttemptEntity.<AttemptEntity>find("order by id").stream().forEach(a -> {
                ObjectNode n = f.valueToTree(a);
                attemptKeys.put(a.id, attemptKey(a.kind, a.drillId, a.cardId, a.submittedAt));
                attempts.add(n);
            });
            ArrayNode drafts = root.putArray("drafts");
            DraftEntity.<DraftEntity>streamAll().forEach(d -> drafts.add(f.valueToTree(d)));
            ArrayNode sessions = root.putArray("sessions");
            SessionEntity.<SessionEntity>find("order by id").stream().forEach(s -> {
                ObjectNode n = withoutId(f.valueToTree(s));
                ArrayNode items = n.putArray("items");
                ItemEntity.<ItemEntity>find("sessionId = ?1 order by position", s.id).stream().forEach(i -> {
                    ObjectNode item = withoutId(f.valueToTree(i));
                    item.remove("sessionId");
                    item.remove("attemptId");
                    if (i.attemptId != null && attemptKeys.containsKey(i.attemptId)) {
                        item.put("attempt", attemptKeys.get(i.attemptId));
                    }
                    items.add(item);
                });
                sessions.add(n);
            });
            return root;
        });
    }

    /**
     * Reads a backup file. A file that ends early (a download or copy cut short) is the common failure, and Jackson
     * calls it "end-of-input": that is reported as the file being cut off, with where.
     */
    public JsonNode read(InputStream in) {
        try {
            JsonNode doc = json.readTree(in);
            if (doc == null || doc.isMissingNode()) {
                throw new InvalidBackup("The file is cut off at line 1, column 1: it is empty.");
            }
            return doc;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "an unknown place" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            String message = String.valueOf(e.getOriginalMessage());
            if (e instanceof JsonEOFException || message.contains("end-of-input")) {
                throw new InvalidBackup("The file is cut off at " + where + ": it ends in the middle of the backup (was the download or "
                        + "copy interrupted?). Nothing was restored.");
            }
            throw new InvalidBackup("The file is not valid JSON at " + where + ": " + message.lines().findFirst().orElse(message)
                    + ". Nothing was restored.");
        } catch (IOException e) {
            throw new InvalidBackup("The file could not be read: " + e.getMessage());
        }
    }

    /** Merges {@code doc} into the database; with {@code dryRun}, works out the same summary and leaves everything as it was. */
    public Summary restore(JsonNode doc, boolean dryRun, Instant now) {
        if (doc == null || !doc.isObject() || !FORMAT.equals(doc.path("format").asText())) {
            throw new InvalidBackup("This is not a Drillbook backup (expected \"format\": \"" + FORMAT + "\").");
        }
        JsonNode version = doc.path("version");
        if (!version.isIntegralNumber() || version.asLong() < 1) {
            throw new InvalidBackup("The backup's \"version\" is " + version + "; expected a whole number (this Drillbook writes version "
                    + VERSION + ").");
        }
        if (version.asLong() > VERSION) {
            throw new InvalidBackup("This backup was written by a newer Drillbook (backup format version " + version.asLong()
                    + "); this one reads up to version " + VERSION + ". Update Drillbook to restore it. Nothing was restored.");
        }
        List<String> problems = BackupCheck.problems(doc);
        if (!problems.isEmpty()) {
            throw new InvalidBackup("The backup has values that cannot be restored (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + "); nothing was restored.", problems);
        }
        // cards are matched against what the vault's files hold: that must have been read first
        catalog.awaitLoaded(CARDS_LOADED_WAIT);
        ObjectMapper f = fields();
        Summary summary;
        try {
            summary = QuarkusTransaction.requiringNew().call(() -> {
                Summary s = restoreAll(doc, f, now, !dryRun);
                if (dryRun) {
                    // the preview runs the very restore, so that it cannot differ from it, and rolls it back
                    throw new Preview(s);
                }
                return s;
            });
        } catch (Preview p) {
            return p.summary;
        } catch (IllegalArgumentException e) {
            throw new InvalidBackup("The backup could not be read: " + e.getMessage());
        }
        if (!dryRun) {
            reviews.restored();
        }
        return summary;
    }

    private Summary restoreAll(JsonNode doc, ObjectMapper f, Instant now, boolean apply) {
        int[] n = new int[10];
        Set<String> missing = new TreeSet<>();
        // cards: by id, else by identity (file + fingerprint); whichever side answered the card last keeps its schedule
        Map<String, String> cardIds = new HashMap<>();
        for (JsonNode c : doc.path("cards")) {
            CardEntity incoming = f.convertValue(c, CardEntity.class);
            CardEntity existing = CardEntity.findById(incoming.id);
            if (existing == null) {
                existing = CardEntity.<CardEntity>find("source = ?1 and fingerprint = ?2 and queue <> ?3", incoming.source, incoming.fingerprint,
                        CardEntity.QUEUE_DELETED).firstResult();
            }
            if (existing == null) {
                // a card removed from its file: its history may already be here under another id
                existing = CardEntity.<CardEntity>find("source = ?1 and fingerprint = ?2 and queue = ?3", incoming.source, incoming.fingerprint,
                        CardEntity.QUEUE_DELETED).firstResult();
            }
            if (existing == null) {
                // no file of this vault holds the card (the vault was read before this): keep it and its history, out of
                // review, until the file comes back (CardCatalog brings it back then)
                if (incoming.queue != CardEntity.QUEUE_DELETED && missing.size() < MISSING_FILES_LISTED) {
                    missing.add(incoming.source);
                }
                incoming.queue = CardEntity.QUEUE_DELETED;
                incoming.deletedAt = Objects.requireNonNullElse(incoming.deletedAt, now);
                incoming.persist();
                cardIds.put(incoming.id, incoming.id);
                n[2]++;
                continue;
            }
            n[0]++;
            cardIds.put(incoming.id, existing.id);
            if (answeredLater(incoming, existing)) {
                copySchedule(incoming, existing);
                n[1]++;
            }
        }
        CardEntity.getEntityManager().flush();
        // the review log is the union of both: a row is the same answer when card, time and rating agree
        Set<String> logKeys = new HashSet<>();
        CardEntity.getEntityManager().createQuery("select r.cardId, r.reviewedAt, r.rating from ReviewLogEntity r", Object[].class)
                .getResultStream().forEach(r -> logKeys.add(r[0] + "|" + r[1] + "|" + r[2]));
        Set<String> cards = new HashSet<>(cardIds.values());
        for (JsonNode r : doc.path("reviewLog")) {
            ReviewLogEntity row = f.convertValue(r, ReviewLogEntity.class);
            row.id = null;
            row.cardId = cardIds.getOrDefault(row.cardId, row.cardId);
            boolean known = cards.contains(row.cardId) || CardEntity.findById(row.cardId) != null;
            if (!known || !logKeys.add(row.cardId + "|" + row.reviewedAt + "|" + row.rating)) {
                n[4]++;
                continue;
            }
            row.persist();
            n[3]++;
        }
        Map<String, Long> attemptIds = new HashMap<>();
        AttemptEntity.<AttemptEntity>streamAll().forEach(a -> attemptIds.put(attemptKey(a.kind, a.drillId, a.cardId, a.submittedAt), a.id));
        for (JsonNode a : doc.path("attempts")) {
            AttemptEntity row = f.convertValue(a, AttemptEntity.class);
            row.id = null;
            String exportedKey = attemptKey(row.kind, row.drillId, row.cardId, row.submittedAt);
            if (row.cardId != null) {
                row.cardId = cardIds.getOrDefault(row.cardId, row.cardId);
            }
            String key = attemptKey(row.kind, row.drillId, row.cardId, row.submittedAt);
            if (attemptIds.containsKey(key)) {
                attemptIds.put(exportedKey, attemptIds.get(key));
                n[6]++;
                continue;
            }
            if (AttemptEntity.PENDING.equals(row.status)) {
                row.status = AttemptEntity.FAILED;
                row.error = "Restored from a backup taken while it was being graded: grade it again.";
            }
            row.persist();
            attemptIds.put(key, row.id);
            attemptIds.put(exportedKey, row.id);
            n[5]++;
        }
        for (JsonNode d : doc.path("drafts")) {
            DraftEntity row = f.convertValue(d, DraftEntity.class);
            DraftEntity existing = DraftEntity.findById(row.drillId);
            if (existing == null) {
                row.persist();
            } else if (row.updatedAt != null && (existing.updatedAt == null || row.updatedAt.isAfter(existing.updatedAt))) {
                existing.answer = row.answer;
                existing.startedAt = row.startedAt;
                existing.updatedAt = row.updatedAt;
            }
            n[7]++;
        }
        Set<String> sessionKeys = new HashSet<>();
        SessionEntity.<SessionEntity>streamAll().forEach(s -> sessionKeys.add(s.formatId + "|" + s.startedAt));
        for (JsonNode s : doc.path("sessions")) {
            ObjectNode copy = ((ObjectNode) s).deepCopy();
            JsonNode items = copy.remove("items");
            SessionEntity session = f.convertValue(copy, SessionEntity.class);
            session.id = null;
            if (!sessionKeys.add(session.formatId + "|" + session.startedAt)) {
                n[9]++;
                continue;
            }
            session.persist();
            for (JsonNode i : items == null ? List.<JsonNode>of() : items) {
                ObjectNode itemNode = ((ObjectNode) i).deepCopy();
                String attempt = itemNode.path("attempt").asText(null);
                itemNode.remove("attempt");
                ItemEntity item = f.convertValue(itemNode, ItemEntity.class);
                item.id = null;
                item.sessionId = session.id;
                if ("concept".equals(item.kind)) {
                    item.refId = cardIds.getOrDefault(item.refId, item.refId);
                }
                item.attemptId = attempt == null ? null : attemptIds.get(attempt);
                item.persist();
            }
            n[8]++;
        }
        return new Summary(apply, n[0], n[1], n[2], List.copyOf(missing), n[3], n[4], n[5], n[6], n[7], n[8], n[9]);
    }

    /** Whether the backup's history of a card goes further than this database's: then its schedule is the newer one. */
    static boolean answeredLater(CardEntity backup, CardEntity here) {
        return backup.lastReview != null && (here.lastReview == null || backup.lastReview.isAfter(here.lastReview));
    }

    /**
     * Takes the backup's schedule. Whether the card is in the vault is not the backup's to say: a card deleted here
     * stays deleted, and one the backup had deleted but the files hold again is back in its state's queue.
     */
    private static void copySchedule(CardEntity from, CardEntity to) {
        if (!to.deleted()) {
            to.queue = from.queue == CardEntity.QUEUE_DELETED ? CardEntity.queueFor(from.cardState()) : from.queue;
            to.buriedUntil = from.buriedUntil;
        }
        to.state = from.state;
        to.step = from.step;
        to.stability = from.stability;
        to.difficulty = from.difficulty;
        to.due = from.due;
        to.lastReview = from.lastReview;
        to.reps = from.reps;
        to.lapses = from.lapses;
        to.leech = from.leech;
        if (from.createdAt != null && (to.createdAt == null || from.createdAt.isBefore(to.createdAt))) {
            to.createdAt = from.createdAt;
        }
    }

    private static String attemptKey(String kind, String drillId, String cardId, Instant submittedAt) {
        return kind + "|" + drillId + "|" + cardId + "|" + submittedAt;
    }

    private static ObjectNode withoutId(JsonNode node) {
        ObjectNode o = (ObjectNode) node;
        o.remove("id");
        return o;
    }
}
