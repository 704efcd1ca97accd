package dev.drillbook.quiz;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardReconcilerTest {

    private static final CardParser.FileContext RAG = new CardParser.FileContext("questions/rag.md", "rag", List.of());
    private static final CardParser.FileContext EVALS = new CardParser.FileContext("questions/evals.md", "evals", List.of());

    private static List<ParsedCard> parse(String text, CardParser.FileContext file) {
        return CardParser.parse(text, 0, file).cards();
    }

    private static List<CardReconciler.Stored> store(List<ParsedCard> cards, String... ids) {
        return java.util.stream.IntStream.range(0, cards.size()).mapToObj(i -> new CardReconciler.Stored(ids[i],
                cards.get(i).source(), cards.get(i).fingerprint(), cards.get(i).text())).toList();
    }

    @Test
    void cardsKeepIdentityWhenTheFileAroundThemChanges() {
        List<CardReconciler.Stored> stored = store(parse("What is RRF? :: Reciprocal rank fusion\n\nWhat is k in RRF? :: 60\n", RAG), "a", "b");
        CardReconciler.Plan plan = CardReconciler.plan(stored, parse("""
                # New heading and text above

                Some prose.

                What is k in RRF? :: 60

                What is RRF? :: Reciprocal rank fusion
                """, RAG));
        assertEquals("b", plan.matched().get(0));
        assertEquals("a", plan.matched().get(1));
        assertTrue(plan.added().isEmpty() && plan.deleted().isEmpty() && plan.edited().isEmpty());
    }

    @Test
    void smallEditsKeepTheCardAndDeletionsKeepHistorySeparate() {
        List<CardReconciler.Stored> stored = store(parse("What does BM25 saturate? :: Term frequency\n\nDrop me :: gone\n", RAG), "a", "b");
        CardReconciler.Plan plan = CardReconciler.plan(stored, parse("""
                What does BM25 saturate?? :: Term frequency (via k1)

                Why late interaction? :: Token-level matching
                """, RAG));
        assertEquals("a", plan.matched().get(0), "edited card keeps its id");
        assertTrue(plan.edited().contains("a"));
        assertEquals(List.of(1), plan.added(), "an unrelated new card is new, not the deleted one reattached");
        assertEquals(List.of("b"), plan.deleted());
    }

    @Test
    void cardsMovedToAnotherFileInTheSameBatchFollow() {
        List<CardReconciler.Stored> stored = store(parse("What is NDCG? :: Normalised discounted cumulative gain\n", RAG), "a");
        CardReconciler.Plan plan = CardReconciler.plan(stored, parse("What is NDCG? :: Normalised discounted cumulative gain\n", EVALS));
        assertEquals("a", plan.matched().get(0));
        assertTrue(plan.deleted().isEmpty());
    }

    @Test
    void similarityIsBigramDice() {
        assertEquals(1.0, CardReconciler.similarity("Abc  d", "abc d"));
        assertEquals(0.0, CardReconciler.similarity("ab", "cd"));
        assertTrue(CardReconciler.similarity("What is RRF?\nfusion", "What is RRF ?\nfusion!") > 0.8);
    }
}
