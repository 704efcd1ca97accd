package dev.drillbook.review;

/**
 * Which cards to study or list; every part is optional.
 *
 * @param deck a deck and its sub-decks ({@code rag} includes {@code rag/evals})
 * @param tag a tag and its nested tags
 * @param folder cards whose source file is in this folder (of the vault, or {@code questions/…})
 * @param note cards that belong to this note (vault path)
 */
public record CardFilter(String deck, String tag, String folder, String note, java.util.List<String> decks) {

    public static final CardFilter ALL = new CardFilter(null, null, null, null, null);

    public static CardFilter of(String deck, String tag, String folder, String note) {
        return new CardFilter(blank(deck), blank(tag == null ? null : tag.startsWith("#") ? tag.substring(1) : tag),
                blank(folder == null ? null : folder.replaceAll("^/+|/+$", "")), blank(note), null);
    }

    /**
     * The same filter with the deck and its sub-decks spelled out from the decks that exist, so queries can use the
     * (deck, queue, due) index with {@code IN} instead of scanning with {@code LIKE}.
     */
    public CardFilter resolvedAgainst(java.util.Collection<String> existing) {
        if (deck == null) {
            return this;
        }
        java.util.List<String> matching = existing.stream().filter(d -> d.equals(deck) || d.startsWith(deck + "/")).toList();
        return new CardFilter(deck, tag, folder, note, matching);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean any() {
        return deck != null || tag != null || folder != null || note != null;
    }

    /**
     * Conditions on alias {@code c}, parameters bound by {@link #bind}. Written so that the same text is valid JPQL
     * and SQL (the entity's fields and the table's columns share their names), for the one native query that counts.
     */
    String where() {
        StringBuilder sb = new StringBuilder();
        if (deck != null && decks != null) {
            sb.append(decks.isEmpty() ? " and 1 = 0" : decks.size() == 1 ? " and c.deck = :deck" : " and c.deck in (:decks)");
        } else if (deck != null) {
            sb.append(" and (c.deck = :deck or c.deck like :deckPrefix escape '\\')");
        }
        if (tag != null) {
            sb.append(" and (lower(c.tags) like :tag escape '\\' or lower(c.tags) like :tagPrefix escape '\\')");
        }
        if (folder != null) {
            sb.append(" and c.source like :folder escape '\\'");
        }
        if (note != null) {
            sb.append(" and c.notes like :note escape '\\'");
        }
        return sb.toString();
    }

    <Q extends jakarta.persistence.Query> Q bind(Q query) {
        if (deck != null && decks != null) {
            if (decks.size() == 1) {
                query.setParameter("deck", decks.get(0));
            } else if (!decks.isEmpty()) {
                query.setParameter("decks", decks);
            }
        } else if (deck != null) {
            query.setParameter("deck", deck);
            query.setParameter("deckPrefix", like(deck) + "/%");
        }
        if (tag != null) {
            String t = tag.toLowerCase(java.util.Locale.ROOT);
            query.setParameter("tag", "%|" + like(t) + "|%");
            query.setParameter("tagPrefix", "%|" + like(t) + "/%");
        }
        if (folder != null) {
            query.setParameter("folder", like(folder) + "/%");
        }
        if (note != null) {
            query.setParameter("note", "%|" + like(note) + "|%");
        }
        return query;
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
