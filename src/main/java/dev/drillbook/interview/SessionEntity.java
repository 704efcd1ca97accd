package dev.drillbook.interview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "interview_session")
public class SessionEntity extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String GRADING = "grading";
    public static final String FINISHED = "finished";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "format_id")
    public String formatId;
    public String title;
    @Column(name = "soft_limits")
    public boolean softLimits;
    public String status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public Double score;
    public boolean queued;
}
