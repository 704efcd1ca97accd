package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class PostingsSnippetsTest {

    /** {start, end, term} for every occurrence of each word (case-insensitive), as the postings would give them. */
    private static List<int[]> occurrences(String text, String... words) {
        List<int[]> out = new ArrayList<>();
        String lower = text.toLowerCase();
        for (int t = 0; t < words.length; t++) {
            for (int at = lower.indexOf(words[t]); at >= 0; at = lower.indexOf(words[t], at + 1)) {
                out.add(new int[] {at, at + words[t].length(), t});
            }
        }
        return out;
    }

    @Test
    void theParagraphWithMostDistinctTermsWinsOverOneWithMoreRepeats() {
        String text = "Ranking ranking ranking everywhere.\n\nHybrid search blends ranking with fusion.\n\nNothing here.";
        SnippetFormatter.Snippet snippet = PostingsSnippets.best(occurrences(text, "ranking", "fusion"), text);
        assertEquals("\u2026Hybrid search blends <mark>ranking</mark> with <mark>fusion</mark>.\u2026", snippet.html());
        assertEquals(text.indexOf("ranking with"), snippet.firstMatch());
    }

    @Test
    void textIsEscapedAndMatchesMarked() {
        String text = "Use <b>BM25</b> & \"fusion\"";
        SnippetFormatter.Snippet snippet = PostingsSnippets.best(occurrences(text, "bm25"), text);
        assertEquals("Use &lt;b&gt;<mark>BM25</mark>&lt;/b&gt; &amp; &quot;fusion&quot;", snippet.html());
    }

    @Test
    void noMatchesMeansNoSnippet() {
        assertNull(PostingsSnippets.best(new ArrayList<>(), "some text"));
    }

    @Test
    void offsetsBeyondAnEditedTextDoNotHang() {
        String text = "short text now";
        List<int[]> stale = new ArrayList<>();
        stale.add(new int[] {40, 45, 0});
        stale.add(new int[] {60, 66, 1});
        SnippetFormatter.Snippet snippet = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> PostingsSnippets.best(stale, text));
        assertFalse(snippet.html().contains("<mark>"), snippet.html());
    }
}
