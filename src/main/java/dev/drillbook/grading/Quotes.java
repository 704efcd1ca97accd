package dev.drillbook.grading;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a quoted piece of evidence really is in the answer, ignoring case, spacing, Markdown emphasis and typographic
 * quote or dash variants — and finds where, so the page can highlight it.
 */
public final class Quotes {

    /** Quotes shorter than this (after normalising) prove nothing: "the" is in every answer. */
    static final int MIN_LENGTH = 4;

    private Quotes() {
    }

    /** Content words a quote needs to count as evidence, unless it is a whole sentence of the answer. */
    static final int MIN_CONTENT_WORDS = 4;

    /** What a quoted piece of evidence is worth. */
    public enum Check {
        /** a real span of whole words, four content words or a whole sentence: evidence */
        EVIDENCE,
        /** really in the answer, but too short to show anything ("tion", "the cache") */
        TOO_SHORT,
        /** not in the answer: the judge made it up */
        INVENTED
    }

    /**
     * Checks a quote: it must be a real span of the answer on word boundaries, and either have at least
     * {@value #MIN_CONTENT_WORDS} content words or be a whole sentence (or list item) of the answer.
     */
    public static Check check(String quote, String answer) {
        String q = normalise(quote).text();
        if (q.isEmpty()) {
            return Check.TOO_SHORT;
        }
        String a = normalise(answer).text();
        int at = -1;
        boolean whole = false;
        while ((at = a.indexOf(q, at + 1)) >= 0) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(a.charAt(at - 1));
            int end = at + q.length();
            boolean endOk = end == a.length() || !Character.isLetterOrDigit(a.charAt(end));
            if (startOk && endOk) {
                whole = true;
                break;
            }
        }
        if (!whole) {
            return a.contains(q) ? Check.TOO_SHORT : Check.INVENTED;
        }
        if (Terms.of(quote).size() >= MIN_CONTENT_WORDS) {
            return Check.EVIDENCE;
        }
        for (OfflineEstimator.Passage p : OfflineEstimator.passages(answer)) {
            if (normalise(p.text()).text().equals(q)) {
                return Check.EVIDENCE;
            }
        }
        return Check.TOO_SHORT;
    }

    /** Whether {@code quote} occurs in {@code answer}. */
    public static boolean isIn(String quote, String answer) {
        String q = normalise(quote).text();
        return q.length() >= MIN_LENGTH && normalise(answer).text().contains(q);
    }

    /** A span of the original answer, {@code [start, end)}. */
    public record Span(int start, int end) {
    }

    /** Where the quote occurs in the answer (first occurrence), if it does. */
    public static java.util.Optional<Span> find(String quote, String answer) {
        String q = normalise(quote).text();
        if (q.length() < MIN_LENGTH) {
            return java.util.Optional.empty();
        }
        Normalised a = normalise(answer);
        int at = a.text().indexOf(q);
        if (at < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Span(a.origin().get(at), a.origin().get(at + q.length() - 1) + 1));
    }

    /** Normalised text and, for each of its characters, the index of the original character it came from. */
    record Normalised(String text, List<Integer> origin) {
    }

    static Normalised normalise(String s) {
        StringBuilder out = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = fold(s.charAt(i));
            if (c == '*' || c == '_' || c == '`') {
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (!space) {
                    out.append(' ');
                    origin.add(i);
                    space = true;
                }
                continue;
            }
            String lower = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            for (int k = 0; k < lower.length(); k++) {
                out.append(lower.charAt(k));
                origin.add(i);
            }
            space = false;
        }
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') {
            len--;
        }
        // strip trailing sentence punctuation a judge tends to add or drop
        while (len > 0 && ".,;:!?\"'".indexOf(out.charAt(len - 1)) >= 0) {
            len--;
        }
        int start = 0;
        while (start < len && (out.charAt(start) == ' ' || "\"'".indexOf(out.charAt(start)) >= 0)) {
            start++;
        }
        return new Normalised(out.substring(start, len), origin.subList(start, len));
    }

    private static char fold(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u2032' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u2033' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> '-';
            case '\u00A0' -> ' ';
            default -> c;
        };
    }
}
