package dev.drillbook.markdown;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written ASCII path encoder must agree with URLEncoder, which the non-ASCII case still uses. */
class SiteUrlsTest {

    @Test
    void encodesPathsAsUrlEncoderDoesSegmentBySegment() {
        String[] paths = {"rag/Overview.md", "Careful answer throughput.md", "a+b/c&d?e#f.md", "100% sure/x=y;z.md",
                "tilde~and'quote\"<>.md", "dir/", "dir//x", "", "Ünïcödé/naïve résumé.md", "emoji 🚀/x.md", "tab\there",
                "star*under_score-dot.md"};
        for (String path : paths) {
            assertEquals(SiteUrls.encodeSegments(path), SiteUrls.encodePath(path), path);
        }
        assertEquals("/notes/rag/Careful%20answer", SiteUrls.note("rag/Careful answer.md"));
        assertEquals("a%2Bb/c%26d%3Fe%23f.md", SiteUrls.encodePath("a+b/c&d?e#f.md"));
        // (vault paths are relative; the old segment loop dropped a leading slash, this keeps it)
        assertEquals("/lead%20x", SiteUrls.encodePath("/lead x"));
    }
}
