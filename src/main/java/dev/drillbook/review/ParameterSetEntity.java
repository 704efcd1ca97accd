package dev.drillbook.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A set of FSRS weights that has been in force, with how well it fitted when it was optimised. Never changed. */
@Entity
@Table(name = "fsrs_parameters")
public class ParameterSetEntity extends PanacheEntityBase {

    public static final String DEFAULT = "default";
    public static final String CONFIG = "config";
    public static final String OPTIMIZED = "optimized";

    /** {@link ParameterSets#idOf}: a digest of the weights. */
    @Id
    public String id;
    /** Comma-separated, as {@link FsrsParameters#parseWeights} reads them. */
    public String weights;
    public String source;
    /** The deck it was fitted to; null: all cards. */
    public String scope;
    public Integer reviews;
    @Column(name = "log_loss_before")
    public Double logLossBefore;
    @Column(name = "log_loss_after")
    public Double logLossAfter;
    @Column(name = "rmse_before")
    public Double rmseBefore;
    @Column(name = "rmse_after")
    public Double rmseAfter;
    @Column(name = "created_at")
    public Instant createdAt;

    public double[] weightArray() {
        return FsrsParameters.parseWeights(weights);
    }
}
