package dev.drillbook.grading;

/** Fired after files in the questions folder changed and the drills were read again; readers of that folder drop caches. */
public record QuestionsChanged() {
}
