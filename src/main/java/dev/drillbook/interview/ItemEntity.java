package dev.drillbook.interview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

@Entity
@Table(name = "interview_item")
public class ItemEntity extends PanacheEntityBase {

    public static final String WAITING = "waiting";
    public static final String OPEN = "open";
    public static final String ANSWERED = "answered";
    public static final String TIMED_OUT = "timed_out";
    public static final String SKIPPED = "skipped";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "session_id")
    public Long sessionId;
    @Column(name = "idx")
    public int position;
    public String kind;
    @Column(name = "ref_id")
    public String refId;
    public String prompt;
    public String reference;
    public String tags;
    @Column(name = "time_limit_seconds")
    public int timeLimitSeconds;
    public String status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    public String answer;
    @Column(name = "follow_up")
    public String followUp;
    @Column(name = "attempt_id")
    public Long attemptId;

    public ItemKind itemKind() {
        return ItemKind.of(kind);
    }

    /** Seconds spent on the item (so far, if still open). */
    public Integer timeUsedSeconds(Instant now) {
        if (startedAt == null) {
            return null;
        }
        return (int) Duration.between(startedAt, endedAt == null ? now : endedAt).toSeconds();
    }

    public Instant deadline() {
        return startedAt == null ? null : startedAt.plusSeconds(timeLimitSeconds);
    }
}
