package dev.drillbook.review;

import dev.drillbook.review.optimizer.Evaluation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The FSRS weight sets that have been in force ({@code fsrs_parameters}), each named by a digest of its weights. */
@ApplicationScoped
public class ParameterSets {

    @Inject
    EntityManager em;

    private final Map<String, double[]> weightsById = new ConcurrentHashMap<>();

    /** First 16 hex digits of the SHA-256 of the weights as text: the same weights have the same id everywhere. */
    public static String idOf(double[] weights) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(format(weights).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String format(double[] weights) {
        return Arrays.stream(weights).mapToObj(Double::toString).collect(Collectors.joining(", "));
    }

    /**
     * Stores a weight set unless it is stored already; returns its id.
     *
     * @param scope the deck it was fitted to, or null
     * @param before the default weights' fit when optimised, or null
     * @param after this set's fit when optimised, or null
     */
    public String ensure(double[] weights, String source, String scope, Evaluation before, Evaluation after, Instant now) {
        String id = idOf(weights);
        if (weightsById.containsKey(id)) {
            return id;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (em.find(ParameterSetEntity.class, id) != null) {
                return;
            }
            ParameterSetEntity row = new ParameterSetEntity();
            row.id = id;
            row.weights = format(weights);
            row.source = source;
            row.scope = scope;
            if (after != null) {
                row.reviews = after.reviews();
                row.logLossAfter = finite(after.logLoss());
                row.rmseAfter = finite(after.rmseBins());
            }
            if (before != null) {
                row.logLossBefore = finite(before.logLoss());
                row.rmseBefore = finite(before.rmseBins());
            }
            row.createdAt = now;
            em.persist(row);
        });
        weightsById.put(id, weights.clone());
        return id;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public Optional<double[]> weights(String id) {
        double[] cached = weightsById.get(id);
        if (cached != null) {
            return Optional.of(cached.clone());
        }
        Optional<double[]> found = find(id).map(ParameterSetEntity::weightArray);
        found.ifPresent(w -> weightsById.put(id, w.clone()));
        return found;
    }

    public Optional<ParameterSetEntity> find(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(em.find(ParameterSetEntity.class, id)));
    }

    public List<ParameterSetEntity> all() {
        return QuarkusTransaction.joiningExisting().call(() ->
                em.createQuery("from ParameterSetEntity p order by p.createdAt desc", ParameterSetEntity.class).getResultList());
    }
}
