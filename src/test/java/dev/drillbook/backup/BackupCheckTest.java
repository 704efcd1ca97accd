package dev.drillbook.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The value checks of a backup, without a database: golden messages for each kind of bad value. */
class BackupCheckTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String CARD = "{\"id\":\"a1\",\"source\":\"questions/rag.md\",\"fingerprint\":\"f\",\"kind\":\"basic\",\"deck\":\"rag\",\"front\":\"q\","
            + "\"back\":\"a\",\"tags\":\"\",\"notes\":\"\",\"queue\":2,\"state\":\"REVIEW\",\"reps\":1,\"stability\":2.5,\"difficulty\":5,"
            + "\"newOrder\":-3,\"createdAt\":\"2026-01-01T00:00:00Z\",\"lastReview\":\"2026-01-02T08:00:00.123Z\"}";
    static final String REVIEW = "{\"cardId\":\"a1\",\"rating\":3,\"reviewedAt\":\"2026-01-02T08:00:00.123Z\",\"stateBefore\":\"NEW\","
            + "\"stateAfter\":\"REVIEW\",\"dueAfter\":\"2026-01-05T08:00:00Z\"}";

    static List<String> problems(String json) throws Exception {
        JsonNode doc = JSON.readTree(json);
        return BackupCheck.problems(doc);
    }

    @Test
    void aValidBackupHasNoProblems() throws Exception {
        assertEquals(List.of(), problems("{\"cards\":[" + CARD + "],\"reviewLog\":[" + REVIEW + "],\"attempts\":[],\"drafts\":[],\"sessions\":[]}"));
    }

    @Test
    void eachBadValueIsNamedWithWhereItIs() throws Exception {
        String card = CARD.replace("\"REVIEW\"", "\"BANANA\"").replace("\"reps\":1", "\"reps\":-1").replace("\"difficulty\":5", "\"difficulty\":11")
                .replace("\"lastReview\":\"2026-01-02T08:00:00.123Z\"", "\"lastReview\":\"yesterday\"").replace("\"kind\":\"basic\",", "");
        String review = REVIEW.replace("\"rating\":3", "\"rating\":9").replace("\"stateAfter\":\"REVIEW\"", "\"stateAfter\":7");
        assertEquals(List.of(
                "cards[0].kind: missing (one of basic, reversed, cloze).",
                "cards[0].state: \"BANANA\" is not a card state (one of NEW, LEARNING, REVIEW, RELEARNING).",
                "cards[0].difficulty: 11 is not a number from 0 to 10.",
                "cards[0].reps: -1 is not a count (0 or more).",
                "cards[0].lastReview: \"yesterday\" is not a time (expected e.g. 2026-01-31T08:00:00Z).",
                "reviewLog[0].rating: 9 is not a rating (1–4: again, hard, good, easy).",
                "reviewLog[0].stateAfter: 7 is not a card state (one of NEW, LEARNING, REVIEW, RELEARNING)."),
                problems("{\"cards\":[" + card + "],\"reviewLog\":[" + review + "]}"));
    }

    @Test
    void wrongShapesAndMissingFields() throws Exception {
        assertEquals(List.of("cards: expected a list, found an object.", "reviewLog[0]: expected an object, found a number.",
                "drafts[0].drillId: missing.", "drafts[0].answer: expected text, found a number.", "drafts[0].startedAt: missing (a time such as "
                        + "2026-01-31T08:00:00Z).", "drafts[0].updatedAt: missing (a time such as 2026-01-31T08:00:00Z)."),
                problems("{\"cards\":{},\"reviewLog\":[1],\"drafts\":[{\"answer\":5}]}"));
    }

    @Test
    void aFileFullOfBadRowsIsSummarised() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            rows.append(i == 0 ? "" : ",").append(REVIEW.replace("\"rating\":3", "\"rating\":0"));
        }
        List<String> problems = problems("{\"reviewLog\":[" + rows + "]}");
        assertEquals(BackupCheck.MAX_LISTED + 1, problems.size());
        assertEquals("… and 50 more problems.", problems.get(problems.size() - 1));
    }
}
