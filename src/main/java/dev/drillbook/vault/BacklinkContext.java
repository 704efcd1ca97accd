package dev.drillbook.vault;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * A note that links here, with the paragraph around each link (rendered HTML, math and links included), as
 * Obsidian's backlinks pane shows it.
 *
 * @param snippets rendered paragraphs, at most three, empty when only the title is shown
 */
@TemplateData
public record BacklinkContext(String path, String title, String url, List<String> snippets) {
}
