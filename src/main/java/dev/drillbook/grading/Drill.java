package dev.drillbook.grading;

import java.util.List;

/**
 * A system-design drill as written in {@code questions/}: the prompt, what a strong answer covers, how it is
 * weighed, a reference outline revealed after an attempt, and follow-up questions.
 *
 * @param id stable identifier: the file's path under {@code questions/} without {@code .md}
 * @param kind {@code drill} (system design), {@code behavioral} (a STAR-graded behavioural question) or {@code coding}
 *             (a coding exercise)
 * @param source {@code questions/…} path of the file
 * @param level mid, senior or staff
 * @param notes link targets of the notes that cover the drill (front matter {@code notes})
 */
public record Drill(String id, String kind, String source, String title, String level, int timeLimitMinutes, List<String> tags,
        List<String> notes, String prompt, List<KeyPoint> keyPoints, List<Dimension> rubric, String referenceOutline,
        List<String> followUps) {

    /**
     * @param id {@code k1}, {@code k2}… in file order
     * @param links link targets in the key point: the notes that teach it
     */
    public record KeyPoint(String id, String text, boolean required, List<String> links) {

        /** The point itself: {@link #statement(String)} of its text. */
        public String statement() {
            return statement(text);
        }

        /**
         * A key point's text without the note references that end it ({@code … — [[Semantic Caching]]}), other links
         * shown as their text: what the judge reads, the estimate matches and the verdict shows.
         */
        public static String statement(String text) {
            return text.replaceAll("\\s*(?:[—–]|\\s-)\\s*\\[\\[.*$", "")
                    .replaceAll("\\[\\[[^\\]|]*\\|([^\\]]+)]]", "$1")
                    .replaceAll("\\[\\[([^\\]|#]+)[^\\]]*]]", "$1").strip();
        }
    }

    /**
     * A rubric dimension: what a strong answer shows on it, and its weight (relative; weights need not sum to 100).
     */
    public record Dimension(String id, double weight, String title, String description) {
    }

    public static final String DRILL = "drill";
    public static final String BEHAVIORAL = "behavioral";
    public static final String CODING = "coding";

    public boolean behavioral() {
        return BEHAVIORAL.equals(kind);
    }

    public boolean coding() {
        return CODING.equals(kind);
    }

    public Drill {
        tags = List.copyOf(tags);
        notes = List.copyOf(notes);
        keyPoints = List.copyOf(keyPoints);
        rubric = List.copyOf(rubric);
        followUps = List.copyOf(followUps);
    }
}
