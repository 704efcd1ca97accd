package dev.drillbook.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Pseudo-words made of syllables, drawn with Zipf–Mandelbrot frequencies (the word of rank r has weight
 * 1 / (r + q)^s), as word frequencies in natural text roughly follow: a few very common short words and a long tail
 * of rare longer ones. Deterministic by seed: the same seed gives the same words in the same order, and
 * {@link StrictMath} keeps the weights identical on every JVM.
 */
final class ZipfVocabulary {

    /** Distinct words; a 1,000-note vault already uses well over 20,000 of them. */
    static final int SIZE = 50_000;
    /** The exponent s: ~1.0–1.1 in English text. */
    static final double EXPONENT = 1.07;
    /** Mandelbrot's offset q: flattens the head, so the commonest word is ~6 % of the text rather than ~12 %. */
    static final double OFFSET = 2.7;

    private static final String[] ONSETS = {"", "", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s",
        "t", "v", "w", "z", "br", "cr", "dr", "fl", "gr", "pl", "pr", "st", "tr", "sh", "ch", "th", "sk", "sl", "sn", "sp",
        "qu", "bl", "gl", "kr", "fr", "sw"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "e", "ai", "ea", "ou", "oo",
        "ie", "y"};
    private static final String[] CODAS = {"", "", "", "", "n", "r", "l", "s", "t", "m", "k", "nd", "st", "rt", "x", "ng",
        "ck", "lt", "mp", "sh"};
    private static final char[][] ACCENTS = {{'a', 'á'}, {'a', 'ä'}, {'e', 'é'}, {'e', 'è'}, {'o', 'ö'}, {'o', 'ø'},
        {'u', 'ü'}, {'i', 'í'}};

    private final String[] words;
    private final double[] cumulative;

    ZipfVocabulary(long seed) {
        Random random = new Random(seed);
        Set<String> made = new LinkedHashSet<>();
        while (made.size() < SIZE) {
            int rank = made.size() + 1;
            // common words are short: one syllable at the head, two or three in the tail, rarely four
            int roll = random.nextInt(20);
            int syllables = rank <= 150 ? 1 : rank <= 3000 ? (roll < 6 ? 1 : 2) : roll < 13 ? 2 : roll < 19 ? 3 : 4;
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
                if (i == syllables - 1 || random.nextInt(6) == 0) {
                    word.append(CODAS[random.nextInt(CODAS.length)]);
                }
            }
            if (rank > 1000 && random.nextInt(70) == 0) {
                // a few words with diacritics, as in any vault that quotes a name or a loan word
                char[] pair = ACCENTS[random.nextInt(ACCENTS.length)];
                int at = word.indexOf(String.valueOf(pair[0]));
                if (at >= 0) {
                    word.setCharAt(at, pair[1]);
                }
            }
            if (word.length() >= 2) {
                made.add(word.toString());
            }
        }
        words = made.toArray(String[]::new);
        cumulative = new double[SIZE];
        double total = 0;
        for (int r = 0; r < SIZE; r++) {
            total += 1 / StrictMath.pow(r + 1 + OFFSET, EXPONENT);
            cumulative[r] = total;
        }
    }

    /** A rank drawn with Zipf–Mandelbrot weights: 0 is the commonest word. */
    int rank(Random random) {
        double u = random.nextDouble() * cumulative[SIZE - 1];
        int at = Arrays.binarySearch(cumulative, u);
        return Math.min(SIZE - 1, at >= 0 ? at : -at - 1);
    }

    String word(Random random) {
        return words[rank(random)];
    }

    /** A word of at least {@code minRank} (0-based) drawn with the tail's Zipf weights: content words for titles and tags. */
    String contentWord(Random random, int minRank) {
        double low = cumulative[minRank - 1];
        double u = low + random.nextDouble() * (cumulative[SIZE - 1] - low);
        int at = Arrays.binarySearch(cumulative, u);
        return words[Math.min(SIZE - 1, at >= 0 ? at : -at - 1)];
    }

    String at(int rank) {
        return words[rank];
    }

    List<String> all() {
        return new ArrayList<>(Arrays.asList(words));
    }

    static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
