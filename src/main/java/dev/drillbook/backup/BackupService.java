package dev.drillbook.backup;

import dev.drillbook.grading.AttemptEntity;
import dev.drillbook.grading.DraftEntity;
import dev.drillbook.interview.ItemEntity;
import dev.drillbook.interview.SessionEntity;
import dev.drillbook.review.CardEntity;
import dev.drillbook.review.ReviewLogEntity;
import dev.drillbook.review.ReviewService;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * All of a user's state in one JSON document — card schedules, the review log, drill attempts and drafts, interview
 * sessions — and its restore. Notes and card text are files and are not in it. Restoring matches cards by their
 * identity (file and content fingerprint, since ids are generated per database), skips rows it already holds, and so
 * can be run twice without duplicating anything.
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

    /** What a restore did, per kind of row. */
    public record Summary(int cardsUpdated, int cardsAdded, int reviewsAdded, int reviewsSkipped, int attemptsAdded, int attemptsSkipped,
            int draftsRestored, int sessionsAdded, int sessionsSkipped) {
    }

    /** Thrown for a document that is not a Drillbook backup; the message says why. */
    public static final class InvalidBackup extends RuntimeException {
        public InvalidBackup(String message) {
            super(message);
        }
    }

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

    public Summary restore(JsonNode doc) {
        if (doc == null || !doc.isObject() || !FORMAT.equals(doc.path("format").asText())) {
            throw new InvalidBackup("This is not a Drillbook backup (expected \"format\": \"" + FORMAT + "\").");
        }
        if (doc.path("version").asInt() != VERSION) {
            throw new InvalidBackup("Backup version " + doc.path("version").asText() + " is not supported (this Drillbook reads version "
                    + VERSION + ").");
        }
        ObjectMapper f = fields();
        Summary summary;
        try {
            summary = QuarkusTransaction.requiringNew().call(() -> restoreAll(doc, f));
        } catch (IllegalArgumentException e) {
            throw new InvalidBackup("The backup could not be read: " + e.getMessage());
        }
        reviews.restored();
        return summary;
    }

    private Summary restoreAll(JsonNode doc, ObjectMapper f) {
        int[] n = new int[9];
        // cards: by id, else by identity (file + fingerprint); the backup's schedule wins, the file's text stays
        Map<String, String> cardIds = new HashMap<>();
        for (JsonNode c : doc.path("cards")) {
            CardEntity incoming = f.convertValue(c, CardEntity.class);
            if (incoming.id == null) {
                throw new IllegalArgumentException("a card without an id");
            }
            CardEntity existing = CardEntity.findById(incoming.id);
            if (existing == null) {
                existing = CardEntity.<CardEntity>find("source = ?1 and fingerprint = ?2 and queue <> ?3", incoming.source, incoming.fingerprint,
                        CardEntity.QUEUE_DELETED).firstResult();
            }
            if (existing == null && incoming.queue == CardEntity.QUEUE_DELETED) {
                // a card removed from its file: its history may already be here under another id
                existing = CardEntity.<CardEntity>find("source = ?1 and fingerprint = ?2 and queue = ?3", incoming.source, incoming.fingerprint,
                        CardEntity.QUEUE_DELETED).firstResult();
            }
            if (existing == null) {
                incoming.persist();
                cardIds.put(incoming.id, incoming.id);
                n[1]++;
            } else {
                copySchedule(incoming, existing);
                cardIds.put(incoming.id, existing.id);
                n[0]++;
            }
        }
        CardEntity.getEntityManager().flush();
        Set<String> logKeys = new HashSet<>();
        ReviewLogEntity.<ReviewLogEntity>streamAll().forEach(r -> logKeys.add(r.cardId + "|" + r.reviewedAt + "|" + r.rating));
        for (JsonNode r : doc.path("reviewLog")) {
            ReviewLogEntity row = f.convertValue(r, ReviewLogEntity.class);
            row.id = null;
            row.cardId = cardIds.getOrDefault(row.cardId, row.cardId);
            if (CardEntity.findById(row.cardId) == null || !logKeys.add(row.cardId + "|" + row.reviewedAt + "|" + row.rating)) {
                n[3]++;
                continue;
            }
            row.persist();
            n[2]++;
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
                n[5]++;
                continue;
            }
            if (AttemptEntity.PENDING.equals(row.status)) {
                row.status = AttemptEntity.FAILED;
                row.error = "Restored from a backup taken while it was being graded: grade it again.";
            }
            row.persist();
            attemptIds.put(key, row.id);
            attemptIds.put(exportedKey, row.id);
            n[4]++;
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
            n[6]++;
        }
        Set<String> sessionKeys = new HashSet<>();
        SessionEntity.<SessionEntity>streamAll().forEach(s -> sessionKeys.add(s.formatId + "|" + s.startedAt));
        for (JsonNode s : doc.path("sessions")) {
            ObjectNode copy = ((ObjectNode) s).deepCopy();
            JsonNode items = copy.remove("items");
            SessionEntity session = f.convertValue(copy, SessionEntity.class);
            session.id = null;
            if (!sessionKeys.add(session.formatId + "|" + session.startedAt)) {
                n[8]++;
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
            n[7]++;
        }
        return new Summary(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
    }

    private static void copySchedule(CardEntity from, CardEntity to) {
        to.queue = from.queue == CardEntity.QUEUE_DELETED && to.queue != CardEntity.QUEUE_DELETED ? to.queue : from.queue;
        to.state = from.state;
        to.step = from.step;
        to.stability = from.stability;
        to.difficulty = from.difficulty;
        to.due = from.due;
        to.lastReview = from.lastReview;
        to.reps = from.reps;
        to.lapses = from.lapses;
        to.leech = from.leech;
        to.buriedUntil = from.buriedUntil;
        to.newOrder = from.newOrder;
        to.createdAt = Objects.requireNonNullElse(from.createdAt, to.createdAt);
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
