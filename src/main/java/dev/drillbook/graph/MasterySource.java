package dev.drillbook.graph;

import java.util.Map;

/** Something that knows how well each note is mastered (0–1), such as the spaced-repetition scheduler. */
public interface MasterySource {

    /** Mastery by note path; notes without cards are absent. */
    Map<String, Double> masteryByNote();

    /** Changes whenever {@link #masteryByNote()} may have changed, so cached graphs know when to refresh. */
    long masteryVersion();
}
