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
    private static PostingsSnippets.Occurrences occurrences(String text, String... words) {
        PostingsSnippets.Occurrences out = new PostingsSnippets.Occurrences();
        String lower = text.toLowerCase();
        for (int t = 0; t < words.length; t++) {
            for (int at = lower.indexOf(words[t]); at >= 0; at = lower.indexOf(words[t], at + 1)) {
                out.add(at, at + words[t].length(), t);
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
        assertNull(PostingsSnippets.best(new PostingsSnippets.Occurrences(), "some text"));
    }

    @Test
    void offsetsBeyondAnEditedTextDoNotHang() {
        String text = "short text now";
        PostingsSnippets.Occurrences stale = new PostingsSnippets.Occurrences();
        stale.add(40, 45, 0);
        stale.add(60, 66, 1);
        SnippetFormatter.Snippet snippet = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> PostingsSnippets.best(stale, text));
        assertFalse(snippet.html().contains("<mark>"), snippet.html());
    }

    @Test
    void overlappingStemsAreMarkedOnceWithTheLongerMatch() {
        // "searches" and its stem "search" start together; the longer is marked, the shorter inside it is not
        String text = "Hybrid searches blend ranks.";
        SnippetFormatter.Snippet snippet = PostingsSnippets.best(occurrences(text, "search", "searches"), text);
        assertEquals("Hybrid <mark>searches</mark> blend ranks.", snippet.html());
    }

    @Test
    void occurrencesSortByStartThenLongerFirstThenTerm() {
        PostingsSnippets.Occurrences all = new PostingsSnippets.Occurrences();
        java.util.Random random = new java.util.Random(7);
        List<int[]> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int start = random.nextInt(i < 250 ? 40 : Integer.MAX_VALUE - 70_000);
            int end = start + 1 + random.nextInt(i % 50 == 0 ? 70_000 : 12);
            int term = random.nextInt(i % 25 == 0 ? 70_000 : 64);
            all.add(start, end, term);
            // lengths and term numbers beyond 16 bits are capped, as the packing keeps them
            expected.add(new int[] {start, start + Math.min(end - start, 0xFFFF), Math.min(term, 0xFFFF)});
        }
        all.add(-1, 4, 0);
        all.add(9, 3, 0);
        expected.sort(java.util.Comparator.<int[]>comparingInt(o -> o[0]).thenComparing((a, b) -> Integer.compare(b[1], a[1]))
                .thenComparingInt(o -> o[2]));
        all.sort();
        assertEquals(expected.size(), all.size(), "matches without offsets are not kept");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(List.of(expected.get(i)[0], expected.get(i)[1], expected.get(i)[2]),
                    List.of(all.start(i), all.end(i), all.term(i)), "occurrence " + i);
        }
    }

    @Test
    void escapingMatchesACharacterByCharacterReference() {
        java.util.Random random = new java.util.Random(11);
        char[] alphabet = "ab &<>\"'\n—x".toCharArray();
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            int from = random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() + 3 - from);
            StringBuilder expected = new StringBuilder("pre:");
            for (int i = from; i < Math.min(to, text.length()); i++) {
                char c = text.charAt(i);
                expected.append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : String.valueOf(c));
            }
            StringBuilder out = new StringBuilder("pre:");
            SnippetFormatter.escape(text, from, to, out);
            assertEquals(expected.toString(), out.toString(), text + " [" + from + ", " + to + ")");
        }
    }
}
