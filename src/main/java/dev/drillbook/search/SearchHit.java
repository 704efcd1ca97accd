package dev.drillbook.search;

/**
 * One search result.
 *
 * @param path vault path of the note
 * @param heading the heading of the section the snippet comes from, or null
 * @param headingId that heading's anchor id, or null
 * @param snippet escaped HTML with matches in {@code <mark>}
 * @param score relevance (BM25 with field boosts)
 */
public record SearchHit(String path, String title, String url, String heading, String headingId, String snippet, double score) {
}
