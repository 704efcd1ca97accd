package dev.drillbook.grading;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One submitted answer and, once graded, its grade (as JSON). Identity ids: they are shown in URLs and never jump. */
@Entity
@Table(name = "attempt")
public class AttemptEntity extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String GRADED = "graded";
    public static final String FAILED = "failed";
    /** Graded offline: waiting for the user's own assessment, which is the grade that counts. */
    public static final String ASSESS = "assess";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** drill or concept */
    public String kind;
    @Column(name = "drill_id")
    public String drillId;
    @Column(name = "card_id")
    public String cardId;
    public String question;
    public String reference;
    public String answer;
    public String status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "time_used_seconds")
    public Integer timeUsedSeconds;
    @Column(name = "time_limit_seconds")
    public Integer timeLimitSeconds;
    @Column(name = "grader_kind")
    public String graderKind;
    @Column(name = "grader_model")
    public String graderModel;
    public Double score;
    public String result;
    public String error;
    @Column(name = "graded_at")
    public Instant gradedAt;
}
