package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cheap signals of how an answer is written, which word overlap alone cannot see: whether a passage is a sentence at all
 * (word salad is not), whether it rejects what it states (negation), whether it is a non-answer ("I don't know"), and
 * whether it copies the reference verbatim. Pure and thread-safe.
 */
final class LanguageSignals {

    /** Closed-class words: every English sentence of more than a few words has some; a list of keywords has none. */
    static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "to", "of",
            "in", "on", "for", "with", "by", "from", "at", "as", "and", "or", "but", "if", "then", "so", "it", "its", "we", "i", "you",
            "they", "this", "that", "these", "those", "which", "who", "when", "where", "because", "can", "will", "would", "should",
            "must", "may", "do", "does", "has", "have", "not", "no", "each", "every", "than", "into", "per", "our", "their", "there");

    /** Determiners: never followed by another function word ("the of", "a and") nor ending a sentence. */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "its", "our", "their", "each", "every");
    private static final Set<String> PREPOSITIONS = Set.of("of", "to", "with", "by", "from", "into", "than", "in", "on", "for", "at");
    private static final Set<String> GLUE = Set.of("and", "or", "is", "are", "was", "were");

    /** Frames that reject the statement that follows or precedes them. */
    private static final Pattern REJECTION = Pattern.compile(
            "\\b(not|never|isn't|is n't) (true|correct|the case|right)\\b|\\bbad idea\\b|\\b(is|are) (false|wrong|a myth|incorrect)\\b"
                    + "|\\b(do|does|did|would|should|will) ?n[o']t (do|use|need|want) (this|that|it)\\b|\\bwe (never|don't|do not) do (this|that)\\b"
                    + "|\\bcontrary to\\b|\\bmisconception\\b",
            Pattern.CASE_INSENSITIVE);

    /** Words that turn a statement around. */
    static final Set<String> NEGATORS = Set.of("not", "no", "never", "none", "nor", "without", "cannot", "n't", "don't", "doesn't",
            "didn't", "isn't", "aren't", "won't", "wouldn't", "shouldn't", "can't", "neither");

    /** A key point that itself says "not", "without", "excludes"… may be stated with a negation in a good answer. */
    private static final Pattern NEGATIVE_POINT = Pattern.compile(
            "\\b(not|no|never|without|exclud\\w*|avoid\\w*|prevent\\w*|instead|rather|reject\\w*|refus\\w*|disabl\\w*|stop\\w*|"
                    + "block\\w*|forbid\\w*|skip\\w*|drop\\w*|deny\\w*|n't)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NON_ANSWER = Pattern.compile(
            "^\\W*(i\\s+(do\\s*n[o']?t|dont|really\\s+don't)\\s+know|no\\s+idea|not\\s+sure|i'?m\\s+not\\s+sure|idk|dunno|pass|skip|"
                    + "i\\s+forgot|i\\s+can'?t\\s+remember|no\\s+clue|\\?+)\\b[\\W\\w]{0,40}$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'_-]*");

    private LanguageSignals() {
    }

    /** Lower-cased words of a text, punctuation dropped (apostrophes kept: "don't"). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * Whether a passage reads like a sentence or a list item written by a person: with four or more words it needs a
     * function word, no determiner or preposition followed by a word that cannot follow it ("the of", "to and"), and no
     * ending on a determiner or conjunction ("… with the"). Shorter passages
     * (headings, "Exact-match cache") pass.
     */
    static boolean sentenceLike(String passage) {
        List<String> w = words(passage);
        if (w.size() < 4) {
            return true;
        }
        int function = 0;
        int broken = 0;
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i);
            if (FUNCTION_WORDS.contains(word)) {
                function++;
            }
            String prev = i == 0 ? "" : w.get(i - 1);
            boolean afterDeterminer = DETERMINERS.contains(prev) && (DETERMINERS.contains(word) || PREPOSITIONS.contains(word) || GLUE.contains(word));
            boolean afterPreposition = PREPOSITIONS.contains(prev) && (PREPOSITIONS.contains(word) || GLUE.contains(word));
            if (afterDeterminer || afterPreposition) {
                broken++;
            }
        }
        String last = w.get(w.size() - 1);
        if (DETERMINERS.contains(last) || last.equals("and") || last.equals("or")) {
            broken++;
        }
        return function > 0 && broken <= w.size() / 12;
    }

    /** Share of the answer's words that sit in sentence-like passages (1 for an answer written in sentences). */
    static double sentenceShare(List<String> passages) {
        int all = 0;
        int fine = 0;
        for (String p : passages) {
            int n = words(p).size();
            all += n;
            fine += sentenceLike(p) ? n : 0;
        }
        return all == 0 ? 1 : (double) fine / all;
    }

    /** The passage rejects what it says ("It is not true that …", "We do not do this and it is a bad idea: …"). */
    static boolean rejects(String passage) {
        return REJECTION.matcher(passage.replace('\u2019', '\'')).find();
    }

    /**
     * Whether a passage negates the point it matches: a rejection frame, or a negating word right before (within three
     * words) one of the point's own words — unless the point is itself stated negatively ("excludes …", "without …"),
     * when a negation is the natural way to make it.
     */
    static boolean negates(String passage, String point, Set<String> pointStems) {
        if (rejects(passage)) {
            return true;
        }
        if (NEGATIVE_POINT.matcher(point).find()) {
            return false;
        }
        List<String> w = words(passage);
        for (int i = 0; i < w.size(); i++) {
            if (!NEGATORS.contains(w.get(i)) && !w.get(i).endsWith("n't")) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(w.size() - 1, i + 3); j++) {
                List<String> stem = Terms.of(w.get(j));
                if (!stem.isEmpty() && pointStems.contains(stem.get(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "I don't know", "not sure", "?": an answer that says it has none. */
    static boolean nonAnswer(String answer) {
        return answer != null && NON_ANSWER.matcher(answer.strip()).matches();
    }

    /**
     * Whether {@code text} contains a run of consecutive words of {@code source} at least {@code run} long and at least
     * {@code share} of the source (or all of it, when it is shorter): copied, not written.
     */
    static boolean copies(String text, String source, int run, double share) {
        List<String> src = words(source);
        if (src.size() < 4) {
            return false;
        }
        String hay = " " + String.join(" ", words(text)) + " ";
        int n = Math.min(Math.max(run, (int) Math.ceil(share * src.size())), src.size());
        for (int i = 0; i + n <= src.size(); i++) {
            if (hay.contains(" " + String.join(" ", src.subList(i, i + n)) + " ")) {
                return true;
            }
        }
        return false;
    }
}
