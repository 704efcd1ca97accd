package dev.drillbook.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A card's row: a copy of its text (so history stays readable after the file changes) and its schedule. */
@Entity
@Table(name = "card")
public class CardEntity extends PanacheEntityBase {

    public static final short QUEUE_NEW = 0;
    public static final short QUEUE_LEARNING = 1;
    public static final short QUEUE_REVIEW = 2;
    public static final short QUEUE_SUSPENDED = -1;
    public static final short QUEUE_BURIED = -2;
    public static final short QUEUE_DELETED = -3;

    @Id
    public String id;
    public String fingerprint;
    public String source;
    public String kind;
    public String deck;
    @Column(name = "line_no")
    public int line;
    public String front;
    public String back;
    /** Tags as {@code |a|b|}, so one tag can be matched with LIKE. */
    public String tags;
    /** Vault paths of the notes the card belongs to, as {@code |a.md|b.md|}. */
    public String notes;
    public short queue;
    public String state;
    public int step;
    public double stability;
    public double difficulty;
    public Instant due;
    @Column(name = "last_review")
    public Instant lastReview;
    public int reps;
    public int lapses;
    public boolean leech;
    @Column(name = "buried_until")
    public Instant buriedUntil;
    @Column(name = "new_order")
    public long newOrder;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public Memory memory() {
        return new Memory(CardState.valueOf(state), step, stability, difficulty, due, lastReview, reps, lapses);
    }

    /** Applies a new schedule; the queue follows the state unless the card is suspended or deleted. */
    public void apply(Memory m) {
        state = m.state().name();
        step = m.step();
        stability = m.stability();
        difficulty = m.difficulty();
        due = m.due();
        lastReview = m.lastReview();
        reps = m.reps();
        lapses = m.lapses();
        if (queue >= 0 || queue == QUEUE_BURIED) {
            queue = queueFor(m.state());
            buriedUntil = null;
        }
    }

    public static short queueFor(CardState state) {
        return switch (state) {
            case NEW -> QUEUE_NEW;
            case LEARNING, RELEARNING -> QUEUE_LEARNING;
            case REVIEW -> QUEUE_REVIEW;
        };
    }

    public CardState cardState() {
        return CardState.valueOf(state);
    }

    public boolean suspended() {
        return queue == QUEUE_SUSPENDED;
    }

    public boolean buried() {
        return queue == QUEUE_BURIED;
    }

    public boolean deleted() {
        return queue == QUEUE_DELETED;
    }

    public static String joinList(java.util.Collection<String> items) {
        return items.isEmpty() ? "" : "|" + String.join("|", items) + "|";
    }

    public static java.util.List<String> splitList(String joined) {
        if (joined == null || joined.length() < 2) {
            return java.util.List.of();
        }
        return java.util.List.of(joined.substring(1, joined.length() - 1).split("\\|"));
    }
}
