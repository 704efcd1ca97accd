package dev.drillbook.markdown;

/**
 * The readable text of one heading's section (markup, math, comments and HTML removed), for full-text search.
 *
 * @param heading heading text, or null for the text before the first heading
 * @param headingId the heading's id, or null
 * @param text plain text
 */
public record TextSection(String heading, String headingId, String text) {
}
