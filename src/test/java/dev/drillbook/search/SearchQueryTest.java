package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

class SearchQueryTest {

    @Test
    void readsWordsPhrasesFiltersAndExclusions() throws SearchException {
        SearchQuery q = SearchQuery.parse("  rank \"reciprocal rank fusion\" tag:rag #evals folder:retrieval -bm25 ");
        assertEquals(List.of("rank"), q.words());
        assertEquals(List.of("reciprocal rank fusion"), q.phrases());
        assertEquals(List.of("rag", "evals"), q.tags());
        assertEquals(List.of("retrieval"), q.folders());
        assertEquals(List.of("bm25"), q.excluded());
    }

    @Test
    void badQueriesSayWhatIsWrong() {
        assertTrue(assertThrows(SearchException.class, () -> SearchQuery.parse("  ")).getMessage().contains("Type something"));
        assertTrue(assertThrows(SearchException.class, () -> SearchQuery.parse("\"open phrase")).getMessage().contains("quote"));
        assertTrue(assertThrows(SearchException.class, () -> SearchQuery.parse("-only -exclusions")).getMessage().contains("Nothing"));
        assertTrue(assertThrows(SearchException.class, () -> SearchQuery.parse("tag:")).getMessage().contains("tag:"));
        assertThrows(SearchException.class, () -> SearchQuery.parse("x".repeat(501)));
    }
}
