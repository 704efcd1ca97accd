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
    void evidenceIsAWholeWordSpanOfFourContentWordsOrAWholeSentence() {
        String answer = "## Design\nWe embed each prompt and look up the nearest cached prompt. Then verify it.";
        assertEquals(Quotes.Check.EVIDENCE, Quotes.check("embed each prompt and look up the nearest", answer));
        assertEquals(Quotes.Check.EVIDENCE, Quotes.check("Then verify it.", answer), "a whole sentence, however short");
        assertEquals(Quotes.Check.TOO_SHORT, Quotes.check("tion", "Use a caption."), "a fragment of a word");
        assertEquals(Quotes.Check.TOO_SHORT, Quotes.check("nearest cached", answer), "two content words prove nothing");
        assertEquals(Quotes.Check.TOO_SHORT, Quotes.check("mbed each prompt and look up the neares", answer), "not on word boundaries");
        assertEquals(Quotes.Check.INVENTED, Quotes.check("we shard the index across regions", answer));
    }

    @Test
    void findsTheSpanInTheOriginalText() {
        Quotes.Span s = Quotes.find("nearest cached prompt", ANSWER).orElseThrow();
        assertEquals("nearest   cached prompt", ANSWER.substring(s.start(), s.end()));
        Quotes.Span e = Quotes.find("embed each", ANSWER).orElseThrow();
        assertEquals("embed** each", ANSWER.substring(e.start(), e.end()));
    }
}
