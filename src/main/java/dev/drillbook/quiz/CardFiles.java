package dev.drillbook.quiz;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.comment.CommentStripper;
import dev.drillbook.markdown.tag.Tags;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.VaultProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which files hold cards and what they say about them. Card files are Markdown files in the questions folder
 * (except drills, behavioural questions, coding exercises and interview formats, which have their own {@code type}); a note holds
 * cards when it is tagged {@code #flashcards} (or {@code #flashcards/deck}), as in the Obsidian plugin.
 */
public final class CardFiles {

    public static final String QUESTIONS_PREFIX = "questions/";
    public static final String FLASHCARDS_TAG = "flashcards";
    private static final Set<String> OTHER_TYPES = Set.of("drill", "behavioral", "behavioural", "coding", "interview-format");
    private static final Pattern INLINE_FLASHCARDS = Pattern.compile("(?<![\\w&/#])#flashcards(?:/([\\p{L}\\p{N}_/-]+))?",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> LINK_PROPERTIES = List.of("notes", "note", "source", "related", "topic", "topics");

    /** The cards of one file and the notes its front matter points to. */
    public record Parsed(List<ParsedCard> cards, List<VaultProblem> problems, List<String> fileLinks) {
        public static final Parsed EMPTY = new Parsed(List.of(), List.of(), List.of());
    }

    private CardFiles() {
    }

    /**
     * @param source {@code questions/…} for card files, the vault path for notes
     * @param isNote whether the file is a vault note (then only {@code #flashcards} notes count)
     */
    public static Parsed read(String source, String text, boolean isNote) {
        FrontMatter fm = NoteBuilder.frontMatter(text);
        Object type = fm.properties().get("type");
        if (!isNote && type != null && OTHER_TYPES.contains(type.toString().strip().toLowerCase(Locale.ROOT))) {
            return Parsed.EMPTY;
        }
        String body = CommentStripper.strip(fm.body()).text();
        String flashDeck = null;
        boolean tagged = false;
        for (String tag : fm.tags()) {
            String key = Tags.key(tag);
            if (key.equals(FLASHCARDS_TAG) || key.startsWith(FLASHCARDS_TAG + "/")) {
                tagged = true;
                if (key.length() > FLASHCARDS_TAG.length()) {
                    flashDeck = tag.substring(FLASHCARDS_TAG.length() + 1);
                }
            }
        }
        Matcher inline = INLINE_FLASHCARDS.matcher(CardParser.maskCodeAndMath(body));
        if (inline.find()) {
            tagged = true;
            if (flashDeck == null && inline.group(1) != null) {
                flashDeck = inline.group(1);
            }
        }
        if (isNote && !tagged) {
            return Parsed.EMPTY;
        }
        List<VaultProblem> problems = new ArrayList<>();
        if (fm.problem() != null) {
            problems.add(new VaultProblem(source, "card-front-matter", fm.problem().message(), fm.problem().line()));
        }
        Object deckProperty = fm.properties().get("deck");
        String deck = deckProperty != null && !deckProperty.toString().isBlank() ? deckProperty.toString().strip()
                : flashDeck != null ? flashDeck
                : isNote ? defaultNoteDeck(source)
                : stripMd(source.startsWith(QUESTIONS_PREFIX) ? source.substring(QUESTIONS_PREFIX.length()) : source);
        List<String> tags = new ArrayList<>();
        for (String tag : fm.tags()) {
            if (!Tags.key(tag).equals(FLASHCARDS_TAG)) {
                tags.add(tag);
            }
        }
        CardParser.Result result = CardParser.parse(body, fm.bodyLineOffset(), new CardParser.FileContext(source, deck, tags));
        problems.addAll(result.problems());
        if (!isNote && result.cards().isEmpty() && problems.isEmpty() && !body.isBlank()) {
            problems.add(new VaultProblem(source, "card-none", "No cards found. Write \"Question :: Answer\" on one line, "
                    + "or question lines, a line with only ?, and answer lines; or ==cloze== deletions.", null));
        }
        return new Parsed(result.cards(), problems, fm.links(LINK_PROPERTIES));
    }

    private static String defaultNoteDeck(String path) {
        int slash = path.indexOf('/');
        return slash > 0 ? path.substring(0, slash) : "notes";
    }

    private static String stripMd(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".md") ? path.substring(0, path.length() - 3) : path;
    }
}
