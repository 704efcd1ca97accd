package dev.drillbook.vault;

/** A tag and how many notes carry it or one of its nested tags. */
public record TagCount(String name, int count) {
}
