package dev.drillbook.grading;

import dev.drillbook.support.Eventually;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An attempt left pending (the app stopped while grading it) is graded again, from its saved answer. */
@QuarkusTest
class PendingAttemptsTest {

    @Inject
    GradingService grading;

    @Test
    void aPendingDrillAttemptIsGradedAgainWithItsAnswerKept() {
        String answer = "We embed prompts and use a similarity threshold; cache entries are scoped by user and expire after a day.";
        long id = QuarkusTransaction.requiringNew().call(() -> {
            AttemptEntity a = new AttemptEntity();
            a.kind = "drill";
            a.drillId = "cache-drill";
            a.answer = answer;
            a.status = AttemptEntity.PENDING;
            a.submittedAt = Instant.parse("2026-11-20T10:00:00Z");
            a.persist();
            return a.id;
        });

        grading.regradePending();

        AttemptEntity graded = Eventually.await(Duration.ofSeconds(15),
                () -> QuarkusTransaction.requiringNew().call(() -> AttemptEntity.<AttemptEntity>findById(id)),
                a -> !AttemptEntity.PENDING.equals(a.status), "attempt " + id + " graded again");
        assertEquals(AttemptEntity.ASSESS, graded.status, "the drill is in questions/, so the attempt is graded (offline: for self-assessment), not failed: " + graded.error);
        assertNull(graded.error);
        assertNotNull(graded.result);
        assertEquals(answer, graded.answer, "grading never changes the answer");
    }

    @Test
    void aPendingConceptAnswerIsGradedAgainToo() {
        // issue 21: a concept answer pending at kill -9 stayed pending forever
        long id = QuarkusTransaction.requiringNew().call(() -> {
            AttemptEntity a = new AttemptEntity();
            a.kind = "concept";
            a.question = "Why are attention scores divided by sqrt(d_k)?";
            a.reference = "Dot products grow with d_k and saturate the softmax; dividing keeps the variance near one.";
            a.answer = "Dot products grow with the dimension, which saturates the softmax; dividing keeps variance near one.";
            a.status = AttemptEntity.PENDING;
            a.submittedAt = Instant.parse("2026-11-20T10:00:00Z");
            a.persist();
            return a.id;
        });

        grading.regradePending();

        AttemptEntity graded = Eventually.await(Duration.ofSeconds(15),
                () -> QuarkusTransaction.requiringNew().call(() -> AttemptEntity.<AttemptEntity>findById(id)),
                a -> !AttemptEntity.PENDING.equals(a.status), "concept attempt " + id + " graded again");
        assertEquals(AttemptEntity.GRADED, graded.status);
        assertNotNull(graded.score);
        assertNotNull(grading.conceptGradeOf(graded));
    }
}
