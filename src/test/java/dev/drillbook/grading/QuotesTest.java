package dev.drillbook.grading;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotesTest {

    static final String ANSWER = "## Design\nWe **embed** each prompt and look up\n  the nearest   cached prompt — then verify it.";

    @Test
    void toleratesCaseSpacingEmphasisAndTypography() {
        assertTrue(Quotes.isIn("We embed each prompt and look up the nearest cached prompt", ANSWER));
        assertTrue(Quotes.isIn("\"the NEAREST cached prompt - then verify it.\"", ANSWER));
        assertFalse(Quotes.isIn("we shard the index", ANSWER));
        assertFalse(Quotes.isIn("the", ANSWER), "too short to prove anything");
    }

    @Test
    void findsTheSpanInTheOriginalText() {
        Quotes.Span s = Quotes.find("nearest cached prompt", ANSWER).orElseThrow();
        assertEquals("nearest   cached prompt", ANSWER.substring(s.start(), s.end()));
        Quotes.Span e = Quotes.find("embed each", ANSWER).orElseThrow();
        assertEquals("embed** each", ANSWER.substring(e.start(), e.end()));
    }
}
