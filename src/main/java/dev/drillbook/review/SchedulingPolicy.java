package dev.drillbook.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * How each card is scheduled right now: which weights (the preset of its deck, else the global one), which desired
 * retention, whether an interview shapes it, whether load balancing and easy days apply. An immutable snapshot of
 * the settings, rebuilt when they change; pure (the moment is an argument).
 *
 * @param base learning steps, maximum interval and fuzz from the configuration, with the global weights and retention
 * @param globalPreset the weights every card without a deck preset uses
 * @param deckPresets weights per deck, for the deck and its sub-decks (the most specific deck wins)
 * @param loadBalancing spread review intervals over the fuzz range by the load of each day
 * @param interview the interview being prepared for, if any (it applies only before its day)
 */
public record SchedulingPolicy(FsrsParameters base, Preset globalPreset, Map<String, Preset> deckPresets, boolean loadBalancing,
        EasyDays easyDays, Optional<InterviewGoal> interview, StudyDay studyDay) {

    /** A named weight set. */
    public record Preset(String parametersId, double[] weights) {
        public Preset {
            weights = weights.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    /**
     * What one card is scheduled with.
     *
     * @param forInterview its retention and interval cap come from the interview
     */
    public record CardScheduling(Fsrs fsrs, String parametersId, boolean forInterview) {
        public double desiredRetention() {
            return fsrs.parameters().desiredRetention();
        }
    }

    public SchedulingPolicy {
        deckPresets = Map.copyOf(deckPresets);
    }

    /** The preset for cards of {@code deck}: its own, its nearest parent deck's, or the global one. */
    public Preset presetFor(String deck) {
        for (String d = deck; d != null && !d.isEmpty(); d = d.contains("/") ? d.substring(0, d.lastIndexOf('/')) : null) {
            Preset p = deckPresets.get(d);
            if (p != null) {
                return p;
            }
        }
        return globalPreset;
    }

    /** The scheduler for cards of {@code deck} outside any interview: its preset and the chosen retention. */
    public Fsrs fsrs(String deck) {
        return new Fsrs(base.withWeights(presetFor(deck).weights()));
    }

    public CardScheduling forCard(String deck, Collection<String> tags, Instant now) {
        Preset preset = presetFor(deck);
        FsrsParameters p = base.withWeights(preset.weights());
        LocalDate today = studyDay.dateOf(now);
        boolean forInterview = false;
        if (interview.isPresent() && interview.get().activeOn(today) && interview.get().covers(deck, tags)) {
            InterviewGoal goal = interview.get();
            forInterview = true;
            p = p.withDesiredRetention(Math.max(p.desiredRetention(), goal.retention()))
                    .withMaximumInterval(Math.min(p.maximumInterval(), goal.intervalCap(today)));
        }
        return new CardScheduling(new Fsrs(p), preset.parametersId(), forInterview);
    }
}
