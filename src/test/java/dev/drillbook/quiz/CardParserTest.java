package dev.drillbook.quiz;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardParserTest {

    private static final CardParser.FileContext FILE = new CardParser.FileContext("questions/rag.md", "rag", List.of("rag"));

    private static List<ParsedCard> cards(String text) {
        return CardParser.parse(text, 0, FILE).cards();
    }

    @Test
    void singleLineAndReversed() {
        List<ParsedCard> cards = cards("""
                What does BM25 saturate? :: Term frequency, via $k_1$
                - Capital of France ::: Paris
                """);
        assertEquals(3, cards.size());
        assertEquals("What does BM25 saturate?", cards.get(0).front());
        assertEquals("Term frequency, via $k_1$", cards.get(0).back());
        assertEquals(CardKind.BASIC, cards.get(1).kind());
        assertEquals("Capital of France", cards.get(1).front(), "list marker stripped");
        assertEquals(CardKind.REVERSED, cards.get(2).kind());
        assertEquals("Paris", cards.get(2).front());
        assertEquals(2, cards.get(2).line());
    }

    @Test
    void multiLineCardsEndAtBlankLines() {
        List<ParsedCard> cards = cards("""
                Intro paragraph without a card.

                Why scale by $\\sqrt{d_k}$
                in attention?
                ?
                Dot products grow with $d_k$;
                scaling keeps softmax out of saturation.

                Term
                ??
                Definition
                """);
        assertEquals(3, cards.size());
        assertEquals("Why scale by $\\sqrt{d_k}$\nin attention?", cards.get(0).front());
        assertTrue(cards.get(0).back().endsWith("saturation."));
        assertEquals(3, cards.get(0).line());
        assertEquals("Definition", cards.get(2).front());
        assertEquals(CardKind.REVERSED, cards.get(2).kind());
    }

    @Test
    void codeBlocksNeverMakeCardsButStayInsideAnswers() {
        List<ParsedCard> cards = cards("""
                ```cpp
                std::vector<int> v; // not a card
                ?
                ```

                Show a JSON grammar rule
                ?
                ```
                value ::= object | array

                object ::= "{" members "}"
                ```

                Inline `a::b` is code too :: yes
                """);
        assertEquals(2, cards.size(), cards.toString());
        assertTrue(cards.get(0).back().contains("object ::= \"{\" members \"}\""), "blank line inside the fence kept");
        assertEquals("Inline `a::b` is code too", cards.get(1).front());
    }

    @Test
    void commentsAreIgnored() {
        List<ParsedCard> cards = cards("""
                <!-- Hidden :: not a card -->
                <!--
                Also hidden :: no
                -->
                Shown :: yes <!--SR:!2024-01-01,3,250-->
                """);
        assertEquals(1, cards.size());
        assertEquals("yes", cards.get(0).back());
        assertEquals(5, cards.get(0).line());
    }

    @Test
    void clozesMakeOneCardPerDeletion() {
        List<ParsedCard> cards = cards("""
                RRF scores a document by ==the sum of 1/(k + rank)== over lists, with ==k = 60== by default.
                """);
        assertEquals(2, cards.size());
        assertEquals("RRF scores a document by **[…]** over lists, with k = 60 by default.", cards.get(0).front());
        assertEquals("RRF scores a document by the sum of 1/(k + rank) over lists, with **[…]** by default.", cards.get(1).front());
        assertTrue(cards.get(0).back().contains("==the sum of 1/(k + rank)=="));
        assertNotEquals(cards.get(0).fingerprint(), cards.get(1).fingerprint());
    }

    @Test
    void numberedClozesGroupAndTakeHints() {
        List<ParsedCard> cards = cards("""
                LoRA learns {{c1::$BA$}} with rank {{c2::r::small}} and keeps {{c1::$W_0$}} frozen.
                """);
        assertEquals(2, cards.size());
        assertEquals("LoRA learns **[…]** with rank r and keeps **[…]** frozen.", cards.get(0).front());
        assertEquals("LoRA learns $BA$ with rank **[small]** and keeps $W_0$ frozen.", cards.get(1).front());
        assertEquals("LoRA learns $BA$ with rank ==r== and keeps $W_0$ frozen.", cards.get(1).back());
    }

    @Test
    void highlightsInsideMathOrCodeAreNotClozes() {
        CardParser.Result result = CardParser.parse("Compare `a == b` and $x==y$ here.\n", 0, FILE);
        assertEquals(0, result.cards().size());
        assertEquals(List.of(), result.problems(), "markers inside code and math are not card markers");
    }

    @Test
    void clozesMayHideMathOrCode() {
        List<ParsedCard> cards = cards("""
                Attention divides the scores by ==$\\sqrt{d_k}$== before the softmax.

                In BM25, ==$b$== normalises length and ==$k_1$== saturates term frequency.

                The nucleus is set with ==`top_p`== in most APIs.
                """);
        assertEquals(4, cards.size(), cards.toString());
        assertEquals("Attention divides the scores by **[…]** before the softmax.", cards.get(0).front());
        assertEquals("Attention divides the scores by ==$\\sqrt{d_k}$== before the softmax.", cards.get(0).back());
        assertEquals("In BM25, **[…]** normalises length and $k_1$ saturates term frequency.", cards.get(1).front());
        assertEquals("In BM25, $b$ normalises length and **[…]** saturates term frequency.", cards.get(2).front());
        assertEquals(3, cards.get(2).line());
        assertEquals("The nucleus is set with **[…]** in most APIs.", cards.get(3).front());
    }

    @Test
    void linesThatLookLikeCardsButMakeNoneAreReported() {
        CardParser.Result result = CardParser.parse("""
                A cloze ==closed with a space == makes nothing.

                What is RRF? :: Reciprocal rank fusion
                A stray ==cloze== right under a card line.

                Too many :::: colons

                Prose comparing a == b is not a card, nor is this line.
                """, 0, FILE);
        assertEquals(1, result.cards().size(), result.cards().toString());
        assertEquals(List.of(1, 4, 6), result.problems().stream().map(p -> p.line()).toList(), result.problems().toString());
        assertTrue(result.problems().stream().allMatch(p -> p.kind().equals("card-ignored")));
        assertTrue(result.problems().get(1).message().contains("blank line"), result.problems().get(1).message());
    }

    @Test
    void tagsLinksAndDecks() {
        List<ParsedCard> cards = cards("What is ColBERT? :: Late interaction, see [[ColBERT|the note]] #retrieval #flashcards/ir\n");
        ParsedCard card = cards.get(0);
        assertEquals(List.of("rag", "retrieval", "flashcards/ir"), card.tags());
        assertEquals("ir", card.deck());
        assertEquals(List.of("ColBERT"), card.links());
    }

    @Test
    void identityIgnoresPositionAndWhitespaceAndDuplicatesAreNumbered() {
        ParsedCard a = cards("Q :: A\n").get(0);
        ParsedCard b = CardParser.parse("\n\n\nSomething else\n\nQ  ::   A\n", 10, FILE).cards().get(0);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(16, b.line());
        List<ParsedCard> twins = cards("Q :: A\n\nQ :: A\n");
        assertNotEquals(twins.get(0).fingerprint(), twins.get(1).fingerprint());
    }

    @Test
    void incompleteCardsAreReported() {
        CardParser.Result result = CardParser.parse("Question only ::\n\nNo answer\n?\n", 0, FILE);
        assertEquals(0, result.cards().size());
        assertEquals(2, result.problems().size());
        assertEquals(1, result.problems().get(0).line());
        assertEquals("questions/rag.md", result.problems().get(0).path());
    }

    @Test
    void headingsEndBlocks() {
        List<ParsedCard> cards = cards("""
                # Section
                Front
                ?
                Back
                ## Next
                More :: cards
                """);
        assertEquals(2, cards.size());
        assertEquals("Back", cards.get(0).back());
    }
}
