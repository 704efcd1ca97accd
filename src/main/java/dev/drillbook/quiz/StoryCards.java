package dev.drillbook.quiz;

import dev.drillbook.story.Story;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The card a story note yields, so the telling is rehearsed like any card: the front names the story and the
 * questions it answers, the back is its outline (the beats to say). One card per story rather than one per question,
 * so the same outline is not reviewed several times over; which story to tell for a question is what mock interviews
 * and the drills page show.
 */
public final class StoryCards {

    public static final String DECK = "stories";

    private StoryCards() {
    }

    /** @param questionTitle the title of a behavioural question by id; empty when there is no such question */
    public static List<ParsedCard> of(Story story, Function<String, Optional<String>> questionTitle) {
        List<String> titles = new ArrayList<>();
        story.questions().forEach(q -> questionTitle.apply(q).ifPresent(t -> titles.add("“" + t + "”")));
        String front = "Tell the **" + story.title() + "** story"
                + (titles.isEmpty() ? "" : " — for " + joined(titles))
                + (story.minutes() == null ? "" : ", in about " + story.minutes() + " minutes") + ".";
        String back = story.outline().isBlank() ? "(The story has no outline yet.)" : story.outline();
        List<String> tags = new ArrayList<>(story.tags());
        if (tags.stream().noneMatch(t -> t.equalsIgnoreCase("story"))) {
            tags.add("story");
        }
        return List.of(new ParsedCard(story.path(), CardKind.BASIC, front, back, 1, DECK, tags, List.of(),
                CardParser.fingerprint(CardKind.BASIC, front, back)));
    }

    private static String joined(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
