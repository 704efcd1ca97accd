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
}
