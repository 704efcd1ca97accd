package dev.drillbook.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user typed, read into parts: words, "quoted phrases", {@code tag:x} and {@code folder:x} filters and
 * {@code -excluded} words. Anything it cannot read is a {@link SearchException} with a message for the user.
 */
record SearchQuery(List<String> words, List<String> phrases, List<String> excluded, List<String> tags, List<String> folders) {

    static final int MAX_LENGTH = 500;
    /** Words and phrases: each becomes a handful of clauses per field, and Lucene refuses over 1,024 in all. */
    static final int MAX_WORDS = 32;

    static SearchQuery parse(String text) throws SearchException {
        if (text == null || text.isBlank()) {
            throw new SearchException("Type something to search for.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new SearchException("The query is too long (over " + MAX_LENGTH + " characters).");
        }
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        int i = 0;
        String s = text.strip();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw new SearchException("A quote is not closed: add the closing \" after the phrase.");
                }
                String phrase = s.substring(i + 1, close).strip();
                if (!phrase.isEmpty()) {
                    phrases.add(phrase);
                }
                i = close + 1;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '"') {
                    end++;
                }
                String token = s.substring(i, end);
                i = end;
                if (token.startsWith("tag:") || token.startsWith("#") && token.length() > 1) {
                    String tag = token.startsWith("#") ? token.substring(1) : token.substring(4);
                    if (tag.isEmpty()) {
                        throw new SearchException("tag: needs a tag name, like tag:rag.");
                    }
                    tags.add(tag);
                } else if (token.startsWith("folder:")) {
                    String folder = token.substring(7);
                    if (folder.isEmpty()) {
                        throw new SearchException("folder: needs a folder, like folder:retrieval.");
                    }
                    folders.add(folder);
                } else if (token.startsWith("-") && token.length() > 1) {
                    excluded.add(token.substring(1));
                } else if (!token.equals("-")) {
                    words.add(token);
                }
            }
        }
        if (words.size() + phrases.size() > MAX_WORDS) {
            throw new SearchException("Too many words: search with at most " + MAX_WORDS + " words and phrases.");
        }
        if (words.isEmpty() && phrases.isEmpty() && tags.isEmpty() && folders.isEmpty()) {
            throw new SearchException("Nothing to search for: add a word or a phrase, not only exclusions.");
        }
        return new SearchQuery(List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded), List.copyOf(tags),
                List.copyOf(folders));
    }
}
