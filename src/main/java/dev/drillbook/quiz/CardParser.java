package dev.drillbook.quiz;

import dev.drillbook.markdown.tag.Tags;
import dev.drillbook.vault.VaultProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds flashcards in Markdown, in the syntaxes of the Obsidian Spaced Repetition plugin:
 * <ul>
 *   <li>{@code Question :: Answer} on one line; {@code Question ::: Answer} makes a second, reversed card;</li>
 *   <li>a multi-line card: question lines, a line holding only {@code ?} ({@code ??} for both directions), answer lines;</li>
 *   <li>cloze deletions: {@code ==hidden==} or {@code {{c1::hidden}}} (or {@code {{c1::hidden::hint}}}) in a block.</li>
 * </ul>
 * A card block ends at a blank line or a heading. Fenced code, inline code, math, HTML comments and {@code %%}
 * comments never make cards (a {@code ::} in a code sample is not a card), but code inside a multi-line answer
 * stays part of it, blank lines included; a cloze may hide math or code ({@code ==$\sqrt{d_k}$==}). A line with
 * card markers outside code and math that still makes no card is reported, never dropped in silence.
 * Pure: text in, cards and problems out.
 */
public final class CardParser {

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(?:>\\s*)?(`{3,}|~{3,})");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s");
    private static final Pattern CLOZE_NUMBERED = Pattern.compile("\\{\\{c(\\d+)::(.+?)(?:::(.+?))?}}");
    private static final Pattern CLOZE_HIGHLIGHT = Pattern.compile("==(?=\\S)(.+?)(?<=\\S)==");
    private static final Pattern WIKILINK = Pattern.compile("!?\\[\\[([^\\]|#^]+)(?:[#^][^\\]|]*)?(?:\\|[^\\]]*)?]]");
    private static final Pattern INLINE_TAG = Pattern.compile("(?<![\\w&/#])#([\\p{L}\\p{N}_/-]+)");
    private static final Pattern SR_SCHEDULE = Pattern.compile("<!--SR:[^>]*-->");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
    /** A {@code ==} that could open or close a highlight ({@code a == b} cannot), or a numbered-cloze opener. */
    private static final Pattern CLOZE_MARKER = Pattern.compile("==(?=[^\\s=])|(?<=[^\\s=])==|\\{\\{c\\d+::");
    /** Stands in for code and math when clozes are matched, so a cloze made only of math keeps its edges. */
    private static final char OPAQUE = '\u0001';

    /** What a file says about the cards in it. */
    public record FileContext(String source, String deck, List<String> tags) {
    }

    /** Cards found and anything that looked wrong. */
    public record Result(List<ParsedCard> cards, List<VaultProblem> problems) {
    }

    private record Line(int number, String text, boolean code) {
    }

    private CardParser() {
    }

    /**
     * @param body the file's text after front matter, comments ({@code %%}) already blanked out line for line
     * @param lineOffset lines taken by the front matter, so line numbers point into the file
     */
    public static Result parse(String body, int lineOffset, FileContext file) {
        List<ParsedCard> cards = new ArrayList<>();
        List<VaultProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (List<Line> block : blocks(stripHtmlComments(body), lineOffset)) {
            parseBlock(block, file, cards, problems);
        }
        // identical cards in one file get distinct fingerprints, numbered in file order
        List<ParsedCard> out = new ArrayList<>(cards.size());
        for (ParsedCard card : cards) {
            int n = seen.merge(card.fingerprint(), 1, Integer::sum);
            out.add(n == 1 ? card : new ParsedCard(card.source(), card.kind(), card.front(), card.back(), card.line(),
                    card.deck(), card.tags(), card.links(), card.fingerprint() + "-" + n));
        }
        return new Result(out, problems);
    }

    /** Blocks of non-blank lines; fenced code stays inside its block, blank lines and all. */
    private static List<List<Line>> blocks(String body, int lineOffset) {
        List<List<Line>> blocks = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        String fence = null;
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            int number = i + 1 + lineOffset;
            Matcher f = FENCE.matcher(text);
            if (fence != null) {
                current.add(new Line(number, text, true));
                if (f.find() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()
                        && text.strip().length() == text.strip().replaceAll("[^`~]", "").length() + 0) {
                    fence = null;
                }
                continue;
            }
            if (f.find()) {
                fence = f.group(1);
                current.add(new Line(number, text, true));
                continue;
            }
            if (text.isBlank() || HEADING.matcher(text).find()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            current.add(new Line(number, text, false));
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    private static void parseBlock(List<Line> block, FileContext file, List<ParsedCard> cards, List<VaultProblem> problems) {
        for (int i = 0; i < block.size(); i++) {
            Line line = block.get(i);
            String t = line.text().strip();
            if (!line.code() && (t.equals("?") || t.equals("??"))) {
                String front = join(block.subList(0, i));
                String back = join(block.subList(i + 1, block.size()));
                if (front.isBlank() || back.isBlank()) {
                    problems.add(new VaultProblem(file.source(), "card-incomplete", "A multi-line card needs a question above the "
                            + t + " line and an answer below it, with no blank line in between.", line.number()));
                    return;
                }
                int start = block.get(0).number();
                cards.add(card(file, CardKind.BASIC, front, back, start));
                if (t.equals("??")) {
                    cards.add(card(file, CardKind.REVERSED, back, front, start));
                }
                return;
            }
        }
        boolean singleLine = false;
        List<Line> unused = new ArrayList<>();
        for (Line line : block) {
            if (line.code()) {
                continue;
            }
            int[] sep = separator(line.text());
            if (sep == null) {
                unused.add(line);
                continue;
            }
            singleLine = true;
            String front = LIST_MARKER.matcher(line.text().substring(0, sep[0])).replaceFirst("").strip();
            String back = line.text().substring(sep[0] + sep[1]).strip();
            if (front.isEmpty() || back.isEmpty()) {
                problems.add(new VaultProblem(file.source(), "card-incomplete", "\"" + abbreviate(line.text().strip())
                        + "\" has a card separator but an empty " + (front.isEmpty() ? "question" : "answer") + ".", line.number()));
                continue;
            }
            cards.add(card(file, CardKind.BASIC, front, back, line.number()));
            if (sep[1] == 3) {
                cards.add(card(file, CardKind.REVERSED, back, front, line.number()));
            }
        }
        if (singleLine) {
            for (Line line : unused) {
                if (looksLikeCard(line.text())) {
                    problems.add(ignored(file, line, "sits in a block of \"::\" cards, so its cloze makes no card; put a blank line before it."));
                }
            }
            return;
        }
        if (clozes(block, file, cards) == 0) {
            block.stream().filter(l -> !l.code() && looksLikeCard(l.text())).findFirst().ifPresent(line -> problems.add(
                    ignored(file, line, "looks like a card but makes none. A cloze is ==text== with no space inside the "
                            + "marks, a one-line card has one \"::\" or \":::\" (not more).")));
        }
    }

    /** Card markers outside code and math: a separator, a highlight edge or a numbered cloze. */
    private static boolean looksLikeCard(String text) {
        String masked = maskCodeAndMath(text);
        return masked.contains("::") || CLOZE_MARKER.matcher(masked).find();
    }

    private static VaultProblem ignored(FileContext file, Line line, String why) {
        return new VaultProblem(file.source(), "card-ignored", "\"" + abbreviate(line.text().strip()) + "\" " + why, line.number());
    }

    /** Adds the block's cloze cards; returns how many. */
    private static int clozes(List<Line> block, FileContext file, List<ParsedCard> cards) {
        String text = join(block);
        String masked = mask(text, OPAQUE);
        int start = block.get(0).number();
        Matcher numbered = CLOZE_NUMBERED.matcher(masked);
        Set<String> groups = new LinkedHashSet<>();
        while (numbered.find()) {
            groups.add(numbered.group(1));
        }
        if (!groups.isEmpty()) {
            for (String group : groups) {
                StringBuilder front = new StringBuilder();
                StringBuilder back = new StringBuilder();
                Matcher m = CLOZE_NUMBERED.matcher(masked);
                int last = 0;
                while (m.find()) {
                    front.append(text, last, m.start());
                    back.append(text, last, m.start());
                    String answer = text.substring(m.start(2), m.end(2));
                    if (m.group(1).equals(group)) {
                        front.append(gap(m.group(3) == null ? null : text.substring(m.start(3), m.end(3))));
                        back.append("==").append(answer).append("==");
                    } else {
                        front.append(answer);
                        back.append(answer);
                    }
                    last = m.end();
                }
                front.append(text.substring(last));
                back.append(text.substring(last));
                cards.add(card(file, CardKind.CLOZE, front.toString(), back.toString(), start));
            }
            return groups.size();
        }
        List<int[]> deletions = new ArrayList<>();
        Matcher h = CLOZE_HIGHLIGHT.matcher(masked);
        while (h.find()) {
            deletions.add(new int[] {h.start(), h.end(), h.start(1), h.end(1)});
        }
        for (int[] hidden : deletions) {
            StringBuilder front = new StringBuilder();
            int last = 0;
            for (int[] d : deletions) {
                front.append(text, last, d[0]);
                front.append(d == hidden ? gap(null) : text.substring(d[2], d[3]));
                last = d[1];
            }
            front.append(text.substring(last));
            cards.add(card(file, CardKind.CLOZE, front.toString(), text, start));
        }
        return deletions.size();
    }

    private static String gap(String hint) {
        return hint == null || hint.isBlank() ? "**[…]**" : "**[" + hint.strip() + "]**";
    }

    /**
     * Position and length (2 or 3) of the first {@code ::}/{@code :::} outside inline code, math and
     * {@code {{c1::…}}} clozes, or null.
     */
    static int[] separator(String text) {
        String masked = maskCodeAndMath(text);
        Matcher numbered = CLOZE_NUMBERED.matcher(masked);
        StringBuilder sb = new StringBuilder(masked);
        while (numbered.find()) {
            for (int i = numbered.start(); i < numbered.end(); i++) {
                sb.setCharAt(i, ' ');
            }
        }
        String m = sb.toString();
        int at = m.indexOf("::");
        if (at < 0) {
            return null;
        }
        int length = 2;
        while (at + length < m.length() && m.charAt(at + length) == ':') {
            length++;
        }
        return length <= 3 ? new int[] {at, length} : null;
    }

    /** Replaces inline code and {@code $…$} math with spaces (same length), so markers inside them are ignored. */
    static String maskCodeAndMath(String text) {
        return mask(text, ' ');
    }

    /** Replaces inline code and math with {@code fill} (same length, line breaks kept). */
    private static String mask(String text, char fill) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i += 2;
                continue;
            }
            if (c == '`' || c == '$') {
                int run = 1;
                while (i + run < text.length() && text.charAt(i + run) == c) {
                    run++;
                }
                String delimiter = String.valueOf(c).repeat(run);
                int close = text.indexOf(delimiter, i + run);
                if (close > 0) {
                    for (int k = i; k < close + run; k++) {
                        if (out.charAt(k) != '\n') {
                            out.setCharAt(k, fill);
                        }
                    }
                    i = close + run;
                    continue;
                }
            }
            i++;
        }
        return out.toString();
    }

    /** Removes HTML comments (including the plugin's own {@code <!--SR:…-->} schedules), keeping line breaks. */
    static String stripHtmlComments(String body) {
        if (!body.contains("<!--")) {
            return body;
        }
        String noSchedules = SR_SCHEDULE.matcher(body).replaceAll("");
        StringBuilder out = new StringBuilder(noSchedules.length());
        int i = 0;
        while (i < noSchedules.length()) {
            int open = noSchedules.indexOf("<!--", i);
            if (open < 0) {
                out.append(noSchedules, i, noSchedules.length());
                break;
            }
            out.append(noSchedules, i, open);
            int close = noSchedules.indexOf("-->", open + 4);
            int end = close < 0 ? noSchedules.length() : close + 3;
            for (int k = open; k < end; k++) {
                if (noSchedules.charAt(k) == '\n') {
                    out.append('\n');
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static ParsedCard card(FileContext file, CardKind kind, String front, String back, int line) {
        Set<String> tags = new LinkedHashSet<>(file.tags());
        List<String> links = new ArrayList<>();
        String both = maskCodeAndMath(front + "\n" + back);
        Matcher tag = INLINE_TAG.matcher(both);
        String deck = file.deck();
        while (tag.find()) {
            String name = Tags.normalize(tag.group(1));
            if (name != null) {
                tags.add(name);
                if (Tags.key(name).startsWith("flashcards/")) {
                    deck = name.substring("flashcards/".length());
                }
            }
        }
        Matcher link = WIKILINK.matcher(both);
        while (link.find()) {
            links.add(link.group(1).strip());
        }
        return new ParsedCard(file.source(), kind, front.strip(), back.strip(), line, deck, List.copyOf(tags), links,
                fingerprint(kind, front, back));
    }

    /** Identity of what a card says: whitespace-insensitive, independent of its position in the file. */
    static String fingerprint(CardKind kind, String front, String back) {
        String canonical = kind.key() + "\u0000" + front.strip().replaceAll("\\s+", " ") + "\u0000"
                + back.strip().replaceAll("\\s+", " ");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line line : lines) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(line.text());
        }
        return sb.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
