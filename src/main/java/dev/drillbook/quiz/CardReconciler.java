package dev.drillbook.quiz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which stored card each parsed card is, so review history follows a card through edits:
 * <ol>
 *   <li>same file and same fingerprint (what the card says): the same card, wherever it moved inside the file;</li>
 *   <li>same fingerprint in another file changed in the same batch: the card moved between files;</li>
 *   <li>same file, a vanished card whose text is at least {@value #SIMILAR}-similar (character bigrams): the card
 *       was edited (a typo fixed, a word added);</li>
 *   <li>otherwise a new card. Stored cards left over were deleted from their files: they are marked deleted and
 *       keep their history; they are never attached to a later, different card.</li>
 * </ol>
 * Pure: stored cards and parsed cards in, a plan out.
 */
public final class CardReconciler {

    static final double SIMILAR = 0.6;

    /** What is known of a stored, not deleted card. */
    public record Stored(String id, String source, String fingerprint, String text) {
    }

    /**
     * @param matched parsed card index → stored id (kept, moved or edited)
     * @param edited ids whose text changed
     * @param added indexes of parsed cards that are new
     * @param deleted ids of stored cards that disappeared
     */
    public record Plan(Map<Integer, String> matched, Set<String> edited, List<Integer> added, List<String> deleted) {
    }

    private CardReconciler() {
    }

    public static Plan plan(List<Stored> stored, List<ParsedCard> parsed) {
        Map<Integer, String> matched = new LinkedHashMap<>();
        Set<String> edited = new HashSet<>();
        Map<String, Stored> byKey = new HashMap<>();
        Map<String, List<Stored>> byFingerprint = new HashMap<>();
        for (Stored s : stored) {
            byKey.put(s.source() + "\u0000" + s.fingerprint(), s);
            byFingerprint.computeIfAbsent(s.fingerprint(), k -> new ArrayList<>()).add(s);
        }
        Set<String> taken = new HashSet<>();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            ParsedCard card = parsed.get(i);
            Stored same = byKey.get(card.source() + "\u0000" + card.fingerprint());
            if (same != null && taken.add(same.id())) {
                matched.put(i, same.id());
            } else {
                open.add(i);
            }
        }
        List<Integer> stillOpen = new ArrayList<>();
        for (int i : open) {
            Stored moved = null;
            for (Stored s : byFingerprint.getOrDefault(parsed.get(i).fingerprint(), List.of())) {
                if (!taken.contains(s.id())) {
                    moved = s;
                    break;
                }
            }
            if (moved != null) {
                taken.add(moved.id());
                matched.put(i, moved.id());
                edited.add(moved.id());
            } else {
                stillOpen.add(i);
            }
        }
        // edits: best pairs first, within one file
        record Pair(int parsed, Stored stored, double similarity) {
        }
        List<Pair> pairs = new ArrayList<>();
        Map<String, List<Stored>> vanishedBySource = new HashMap<>();
        for (Stored s : stored) {
            if (!taken.contains(s.id())) {
                vanishedBySource.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s);
            }
        }
        for (int i : stillOpen) {
            ParsedCard card = parsed.get(i);
            for (Stored s : vanishedBySource.getOrDefault(card.source(), List.of())) {
                double similarity = similarity(card.text(), s.text());
                if (similarity >= SIMILAR) {
                    pairs.add(new Pair(i, s, similarity));
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        Set<Integer> done = new HashSet<>();
        for (Pair pair : pairs) {
            if (!done.contains(pair.parsed()) && taken.add(pair.stored().id())) {
                done.add(pair.parsed());
                matched.put(pair.parsed(), pair.stored().id());
                edited.add(pair.stored().id());
            }
        }
        List<Integer> added = new ArrayList<>();
        for (int i : stillOpen) {
            if (!done.contains(i)) {
                added.add(i);
            }
        }
        List<String> deleted = new ArrayList<>();
        for (Stored s : stored) {
            if (!taken.contains(s.id())) {
                deleted.add(s.id());
            }
        }
        return new Plan(matched, edited, added, deleted);
    }

    /** Dice coefficient over character bigrams of the lower-cased, whitespace-collapsed texts (0–1). */
    static double similarity(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
        String y = b.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (x.equals(y)) {
            return 1;
        }
        if (x.length() < 2 || y.length() < 2) {
            return 0;
        }
        Map<Integer, Integer> bigrams = new HashMap<>();
        for (int i = 0; i < x.length() - 1; i++) {
            bigrams.merge(x.charAt(i) << 16 | x.charAt(i + 1), 1, Integer::sum);
        }
        int common = 0;
        for (int i = 0; i < y.length() - 1; i++) {
            Integer n = bigrams.get(y.charAt(i) << 16 | y.charAt(i + 1));
            if (n != null && n > 0) {
                common++;
                bigrams.put(y.charAt(i) << 16 | y.charAt(i + 1), n - 1);
            }
        }
        return 2.0 * common / (x.length() - 1 + y.length() - 1);
    }
}
