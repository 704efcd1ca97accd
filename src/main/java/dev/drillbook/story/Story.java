package dev.drillbook.story;

import java.util.List;

/**
 * One of the user's own stories: a vault note with {@code type: story} (or the tag {@code #story}) told in STAR
 * sections, linked to the behavioural questions it answers. Mock interviews show it as the reference for those
 * questions, and it becomes a card so the telling is rehearsed on a schedule.
 *
 * @param path vault path of the note
 * @param questions ids of the behavioural questions it answers ({@code behavioral/failure}), as written in {@code questions:}
 * @param minutes how long the telling should take, null when the note does not say
 * @param outline Markdown: the beats to say, from {@code ## Outline}, else the first sentence of each STAR section
 * @param tags the note's front-matter tags
 */
public record Story(String path, String title, List<String> questions, Integer minutes, String outline, List<String> tags) {

    public Story {
        questions = List.copyOf(questions);
        tags = List.copyOf(tags);
    }
}
