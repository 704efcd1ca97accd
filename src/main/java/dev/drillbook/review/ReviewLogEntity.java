package dev.drillbook.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One answer, with the card's schedule before it (for undo) and after it (for statistics). Never deleted. */
@Entity
@Table(name = "review_log")
public class ReviewLogEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "card_id")
    public String cardId;
    public short rating;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "elapsed_days")
    public int elapsedDays;
    @Column(name = "scheduled_days")
    public int scheduledDays;
    @Column(name = "state_before")
    public String stateBefore;
    @Column(name = "step_before")
    public int stepBefore;
    @Column(name = "stability_before")
    public double stabilityBefore;
    @Column(name = "difficulty_before")
    public double difficultyBefore;
    @Column(name = "due_before")
    public Instant dueBefore;
    @Column(name = "last_review_before")
    public Instant lastReviewBefore;
    @Column(name = "queue_before")
    public short queueBefore;
    @Column(name = "leech_before")
    public boolean leechBefore;
    @Column(name = "state_after")
    public String stateAfter;
    @Column(name = "stability_after")
    public double stabilityAfter;
    @Column(name = "difficulty_after")
    public double difficultyAfter;
    @Column(name = "due_after")
    public Instant dueAfter;
    public boolean undone;
    /** The weight set the answer was scheduled with ({@link ParameterSets}); null for answers logged before it was recorded. */
    @Column(name = "parameters_id")
    public String parametersId;
    /** The desired retention in force for the card when it was answered (an interview can raise it); null before it was recorded. */
    @Column(name = "desired_retention")
    public Double desiredRetention;

    /** The log row for answering {@code card} (still in its state before the answer) with {@code rating} at {@code at}. */
    static ReviewLogEntity of(CardEntity card, Rating rating, Instant at, Memory after) {
        ReviewLogEntity log = new ReviewLogEntity();
        log.cardId = card.id;
        log.rating = (short) rating.grade();
        log.reviewedAt = at;
        log.elapsedDays = card.lastReview == null ? 0 : (int) Fsrs.wholeDays(card.lastReview, at);
        log.scheduledDays = after.state() == CardState.REVIEW ? (int) Fsrs.wholeDays(at, after.due()) : 0;
        log.stateBefore = card.state;
        log.stepBefore = card.step;
        log.stabilityBefore = card.stability;
        log.difficultyBefore = card.difficulty;
        log.dueBefore = card.due;
        log.lastReviewBefore = card.lastReview;
        log.queueBefore = card.queue;
        log.leechBefore = card.leech;
        log.stateAfter = after.state().name();
        log.stabilityAfter = after.stability();
        log.difficultyAfter = after.difficulty();
        log.dueAfter = after.due();
        return log;
    }

    /** Puts {@code card} back the way it was before this answer (the inverse of {@link #of}). */
    void restoreBefore(CardEntity card) {
        boolean lapse = "REVIEW".equals(stateBefore) && rating == 1;
        card.state = stateBefore;
        card.step = stepBefore;
        card.stability = stabilityBefore;
        card.difficulty = difficultyBefore;
        card.due = dueBefore;
        card.lastReview = lastReviewBefore;
        card.reps = Math.max(0, card.reps - 1);
        card.lapses = Math.max(0, card.lapses - (lapse ? 1 : 0));
        card.leech = leechBefore;
        if (!card.deleted()) {
            card.queue = queueBefore;
        }
    }
}
