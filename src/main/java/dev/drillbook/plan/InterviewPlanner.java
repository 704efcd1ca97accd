package dev.drillbook.plan;

import dev.drillbook.review.InterviewGoal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The countdown to an interview, as a plan: which cards come back on which day, which topics to work on, which drill
 * or mock interview to do each day. Pure (today is an argument, nothing is read or written).
 *
 * <p><b>Mastery per topic</b> is the mean of what is known about it, each on 0–1: the cards' average probability of
 * recall now, the latest grade of each drill on the topic, and the grades of mock-interview items on it.
 *
 * <p><b>Bringing cards back.</b> Cards in scope that are due on or after the interview's day are moved onto the days
 * before it, so each is seen at least once more; weakest topics first, onto the earliest days, filling the days evenly
 * (no day above the average load of the cards already due before the interview plus those moved). Reviewed early, the
 * weak cards come back once more before the day (the scheduler caps their intervals).
 *
 * <p><b>Drills and mock interviews.</b> A mock interview two days before the day and every seven days before that;
 * a drill every other day (today first), the weakest topics' drills first, then the worst graded; after the last,
 * the list starts again.
 */
public final class InterviewPlanner {

    /**
     * A card in scope.
     *
     * @param topics the goal's topics it belongs to (its tags and deck when the goal names none)
     * @param retrievability probability of recall now (0 for a new card)
     * @param due its study day, null for a new card
     * @param review on day intervals (only those are moved)
     */
    public record Card(String id, List<String> topics, double retrievability, LocalDate due, boolean review) {
    }

    /** A drill and the topics (tags) it covers, with its latest grade (0–1) if any. */
    public record Drill(String id, String title, List<String> topics, Double lastGrade) {
    }

    /**
     * @param cards average recall of its cards now
     * @param drills mean of its drills' latest grades, or null
     * @param interviews mean grade of mock-interview items on it, or null
     * @param mastery the mean of those known
     */
    public record Topic(String name, int cardCount, double cards, Double drills, Double interviews, double mastery) {
    }

    /** What to do on one day. */
    public record Day(LocalDate date, int reviews, List<String> focus, Drill drill, boolean mockInterview) {
    }

    /**
     * @param moves new study days of cards brought forward
     * @param topics weakest first
     */
    public record Plan(InterviewGoal goal, long daysLeft, Map<String, LocalDate> moves, List<Topic> topics, List<Day> days, int newCards) {
    }

    private InterviewPlanner() {
    }

    /**
     * @param interviewGrades grades (0–1) of mock-interview items, by the item's tags
     */
    public static Plan plan(InterviewGoal goal, LocalDate today, List<Card> cards, List<Drill> drills, List<Map.Entry<List<String>, Double>> interviewGrades) {
        long left = goal.daysLeft(today);
        List<Topic> topics = topics(goal, cards, drills, interviewGrades);
        Map<String, Double> mastery = new HashMap<>();
        topics.forEach(t -> mastery.put(t.name(), t.mastery()));
        int newCards = (int) cards.stream().filter(c -> c.due() == null).count();
        if (left <= 0) {
            return new Plan(goal, left, Map.of(), topics, List.of(), newCards);
        }
        int n = (int) left;
        int[] load = new int[n];
        List<Card> toMove = new ArrayList<>();
        for (Card c : cards) {
            if (c.due() == null) {
                continue;
            }
            long offset = Math.max(0, ChronoUnit.DAYS.between(today, c.due()));
            if (offset < n) {
                load[(int) offset]++;
            } else if (c.review()) {
                toMove.add(c);
            }
        }
        toMove.sort(Comparator.comparingDouble((Card c) -> weakness(c, mastery)).thenComparingDouble(Card::retrievability)
                .thenComparing(Card::id));
        int total = toMove.size();
        for (int l : load) {
            total += l;
        }
        int capacity = (total + n - 1) / n;
        Map<String, LocalDate> moves = new LinkedHashMap<>();
        Map<Integer, List<Card>> onDay = new HashMap<>();
        int day = 0;
        for (Card c : toMove) {
            while (day < n - 1 && load[day] >= capacity) {
                day++;
            }
            load[day]++;
            moves.put(c.id(), today.plusDays(day));
            onDay.computeIfAbsent(day, k -> new ArrayList<>()).add(c);
        }
        for (Card c : cards) {
            if (c.due() != null && !moves.containsKey(c.id())) {
                long offset = Math.max(0, ChronoUnit.DAYS.between(today, c.due()));
                if (offset < n) {
                    onDay.computeIfAbsent((int) offset, k -> new ArrayList<>()).add(c);
                }
            }
        }
        List<Drill> drillOrder = new ArrayList<>(drills);
        drillOrder.sort(Comparator.comparingDouble((Drill d) -> drillWeakness(d, mastery))
                .thenComparingDouble(d -> d.lastGrade() == null ? -1 : d.lastGrade()).thenComparing(Drill::id));
        List<Day> days = new ArrayList<>();
        int nextDrill = 0;
        for (int i = 0; i < n; i++) {
            long before = n - i;
            boolean mock = before >= 2 && (before - 2) % 7 == 0;
            Drill drill = null;
            if (!mock && i % 2 == 0 && !drillOrder.isEmpty()) {
                drill = drillOrder.get(nextDrill % drillOrder.size());
                nextDrill++;
            }
            days.add(new Day(today.plusDays(i), load[i], focus(onDay.getOrDefault(i, List.of()), mastery), drill, mock));
        }
        return new Plan(goal, left, moves, topics, days, newCards);
    }

    private static double weakness(Card c, Map<String, Double> mastery) {
        return c.topics().stream().mapToDouble(t -> mastery.getOrDefault(t, 1.0)).min().orElse(1.0);
    }

    private static double drillWeakness(Drill d, Map<String, Double> mastery) {
        OptionalDouble m = d.topics().stream().filter(mastery::containsKey).mapToDouble(mastery::get).min();
        return m.orElse(1.0);
    }

    /** Up to three topics of the day's cards, weakest first. */
    private static List<String> focus(List<Card> cards, Map<String, Double> mastery) {
        Map<String, Integer> count = new HashMap<>();
        for (Card c : cards) {
            for (String t : c.topics()) {
                count.merge(t, 1, Integer::sum);
            }
        }
        return count.keySet().stream().sorted(Comparator.comparingDouble((String t) -> mastery.getOrDefault(t, 1.0))
                .thenComparing(Comparator.naturalOrder())).limit(3).toList();
    }

    static List<Topic> topics(InterviewGoal goal, List<Card> cards, List<Drill> drills, List<Map.Entry<List<String>, Double>> interviewGrades) {
        Map<String, double[]> cardSums = new LinkedHashMap<>();
        for (String t : goal.topics()) {
            cardSums.put(t, new double[2]);
        }
        for (Card c : cards) {
            for (String t : c.topics()) {
                double[] s = cardSums.computeIfAbsent(t, k -> new double[2]);
                s[0] += c.retrievability();
                s[1]++;
            }
        }
        List<Topic> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : cardSums.entrySet()) {
            String topic = e.getKey();
            Double drillMean = mean(drills.stream().filter(d -> d.lastGrade() != null && covers(d.topics(), topic))
                    .mapToDouble(Drill::lastGrade));
            Double interviewMean = mean(interviewGrades.stream().filter(g -> covers(g.getKey(), topic)).mapToDouble(Map.Entry::getValue));
            double cardMean = e.getValue()[1] == 0 ? 0 : e.getValue()[0] / e.getValue()[1];
            double sum = cardMean;
            int parts = 1;
            if (drillMean != null) {
                sum += drillMean;
                parts++;
            }
            if (interviewMean != null) {
                sum += interviewMean;
                parts++;
            }
            out.add(new Topic(topic, (int) e.getValue()[1], cardMean, drillMean, interviewMean, sum / parts));
        }
        out.sort(Comparator.comparingDouble(Topic::mastery).thenComparing(Topic::name));
        return out;
    }

    /** A tag list covers a topic when one of the tags is the topic or nested under it (case-insensitive). */
    static boolean covers(List<String> tags, String topic) {
        return InterviewGoal.topicCovers(topic, null, tags);
    }

    private static Double mean(java.util.stream.DoubleStream values) {
        OptionalDouble m = values.average();
        return m.isPresent() ? m.getAsDouble() : null;
    }
}
