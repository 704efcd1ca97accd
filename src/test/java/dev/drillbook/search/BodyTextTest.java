package dev.drillbook.search;

import dev.drillbook.markdown.TextSection;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The view must read exactly as the joined text that is indexed, or snippet offsets would drift. */
class BodyTextTest {

    private static final List<TextSection> SECTIONS = List.of(
            new TextSection(null, null, "Intro line one.\nIntro line two."),
            new TextSection("Empty", "empty", ""),
            new TextSection("Ranking", "ranking", "BM25 scores terms.\n\nA second paragraph\nwith a — dash."),
            new TextSection("Last", "last", "no newline here"));

    @Test
    void readsAsTheJoinedText() {
        BodyText body = BodyText.of(SECTIONS);
        String joined = body.text();
        assertEquals("Intro line one.\nIntro line two.\n\n\n\nBM25 scores terms.\n\nA second paragraph\nwith a — dash.\n\nno newline here\n\n",
                joined);
        assertEquals(joined.length(), body.length());
        for (int i = 0; i < joined.length(); i++) {
            assertEquals(joined.charAt(i), body.charAt(i), "char " + i);
        }
        for (int from = -2; from <= joined.length() + 2; from++) {
            for (char c : new char[] {'\n', 'a', '—', 'z'}) {
                assertEquals(joined.indexOf(c, from), body.indexOf(c, from), "indexOf " + c + " from " + from);
                assertEquals(joined.lastIndexOf(c, from), body.lastIndexOf(c, from), "lastIndexOf " + c + " from " + from);
            }
        }
        assertEquals(joined.substring(5, 40), body.subSequence(5, 40).toString());
    }

    @Test
    void slicesAsTheJoinedText() {
        BodyText body = BodyText.of(SECTIONS);
        String joined = body.text();
        for (int start = 0; start <= joined.length(); start++) {
            for (int end = start; end <= joined.length(); end++) {
                assertEquals(joined.substring(start, end), body.slice(start, end), "[" + start + ", " + end + ")");
            }
        }
        assertEquals("", BodyText.of(List.of()).slice(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> body.slice(-1, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> body.slice(3, joined.length() + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> body.slice(5, 4));
    }

    @Test
    void namesTheSectionOfAnOffset() {
        BodyText body = BodyText.of(SECTIONS);
        String joined = body.text();
        assertSame(SECTIONS.get(0), body.sectionAt(0));
        assertSame(SECTIONS.get(2), body.sectionAt(joined.indexOf("BM25")));
        assertSame(SECTIONS.get(2), body.sectionAt(joined.indexOf("dash")));
        assertSame(SECTIONS.get(3), body.sectionAt(joined.indexOf("no newline")));
        assertNull(BodyText.of(List.of()).sectionAt(0));
    }
}
