package dev.drillbook.markdown;

/** A heading: level 1–6, its text, the id it is rendered with, its 1-based file line. */
public record NoteHeading(int level, String text, String id, int line) {
}
