package dev.drillbook.markdown;

/** Character range {@code [start, end)} in a note's comment-stripped body; used to embed a heading section or a block. */
public record SourceRange(int start, int end) {
}
