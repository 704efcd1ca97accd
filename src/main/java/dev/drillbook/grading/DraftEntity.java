package dev.drillbook.grading;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The answer being written for a drill, autosaved; it becomes an attempt on submit. */
@Entity
@Table(name = "drill_draft")
public class DraftEntity extends PanacheEntityBase {

    @Id
    @Column(name = "drill_id")
    public String drillId;
    public String answer;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
