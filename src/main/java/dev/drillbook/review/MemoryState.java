package dev.drillbook.review;

/**
 * The memory part of a card's state, as FSRS models it.
 *
 * @param stability days until the probability of recall falls to 90 %
 * @param difficulty 1–10
 */
public record MemoryState(double stability, double difficulty) {
}
