package dev.drillbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drillbook.markdown.comment.CommentStripper;

import org.junit.jupiter.api.Test;

class CommentStripperTest {

    @Test
    void keepsLineBreaksSoLineNumbersStayTrue() {
        CommentStripper.Result r = CommentStripper.strip("a %%one\ntwo\nthree%% b\nline4");
        assertEquals("a \n\n b\nline4", r.text());
        assertEquals(4, r.text().split("\n", -1).length);
    }

    @Test
    void leavesFencedCodeAndInlineCodeAlone() {
        String text = "```\n%% kept %%\n```\n`%%x%%` and %%gone%%\n~~~~\n%%\n~~~~\n";
        assertEquals("```\n%% kept %%\n```\n`%%x%%` and \n~~~~\n%%\n~~~~\n", CommentStripper.strip(text).text());
    }

    @Test
    void fencesInsideListsAndQuotesCount() {
        assertEquals("- ```\n  %%x%%\n  ```\n", CommentStripper.strip("- ```\n  %%x%%\n  ```\n").text());
        assertEquals("> ```\n> %%x%%\n> ```\n", CommentStripper.strip("> ```\n> %%x%%\n> ```\n").text());
    }

    @Test
    void unterminatedHidesTheRestAndSaysWhere() {
        CommentStripper.Result r = CommentStripper.strip("one\ntwo %% never\nthree\n");
        assertEquals("one\ntwo \n\n", r.text());
        assertEquals(2, r.unterminatedLine());
    }
}
