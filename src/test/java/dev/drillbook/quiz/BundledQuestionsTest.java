package dev.drillbook.quiz;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.vault.NameIndex;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.VaultPaths;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled question bank parses cleanly, is big enough, and every card is tied to a note that exists. */
class BundledQuestionsTest {

    private static final Path QUESTIONS = Path.of("questions");
    private static final NameIndex NAMES = new NameIndex();
    private static final List<ParsedCard> CARDS = new ArrayList<>();
    private static final List<String> PROBLEMS = new ArrayList<>();
    private static final Map<String, List<String>> FILE_LINKS = new java.util.HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("notes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                FrontMatter fm = NoteBuilder.frontMatter(Files.readString(file));
                NAMES.add(VaultPaths.relative(Path.of("notes"), file), fm.aliases());
            }
        }
        try (Stream<Path> files = Files.walk(QUESTIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String source = "questions/" + VaultPaths.relative(QUESTIONS, file);
                CardFiles.Parsed parsed = CardFiles.read(source, Files.readString(file), false);
                CARDS.addAll(parsed.cards());
                parsed.problems().forEach(p -> PROBLEMS.add(p.path() + ":" + p.line() + " " + p.message()));
                FILE_LINKS.put(source, parsed.fileLinks());
            }
        }
    }

    /** Exact cards per deck as shipped; update together with the README when cards are added or removed. */
    @Test
    void everyDeckHasItsCountedCardsAndThereAreAtLeast450() {
        Map<String, Integer> decks = new java.util.TreeMap<>();
        CARDS.forEach(c -> decks.merge(c.deck(), 1, Integer::sum));
        assertEquals(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("agents", 40), Map.entry("building", 57), Map.entry("career", 18), Map.entry("clozes", 42),
                Map.entry("evals", 49), Map.entry("inference", 47), Map.entry("rag", 32), Map.entry("retrieval", 72),
                Map.entry("system-design", 29), Map.entry("training", 69), Map.entry("transformers", 78))), decks);
        assertEquals(533, CARDS.size());
        assertTrue(CARDS.size() >= 450);
    }

    /**
     * Every content note is reviewed by at least three cards, except the behavioural notes (practised as drills) and
     * the story notes (each is one card of its own, in the stories deck).
     */
    @Test
    void everyCurriculumNoteHasAtLeastThreeCards() throws IOException {
        Map<String, Integer> perNote = new java.util.HashMap<>();
        for (ParsedCard card : CARDS) {
            for (String link : card.links()) {
                String target = NAMES.resolve(link, null).path();
                if (target != null) {
                    perNote.merge(target, 1, Integer::sum);
                }
            }
        }
        List<String> thin = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("notes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String path = VaultPaths.relative(Path.of("notes"), file);
                boolean moc = NoteBuilder.frontMatter(Files.readString(file)).tags().contains("moc");
                if (!moc && !path.startsWith("behavioral/") && !path.startsWith("stories/") && perNote.getOrDefault(path, 0) < 3) {
                    thin.add(path + " (" + perNote.getOrDefault(path, 0) + ")");
                }
            }
        }
        assertEquals(List.of(), thin);
    }

    @Test
    void atLeastTwoHundredCardsOfEveryKindAndNoProblems() {
        assertEquals(List.of(), PROBLEMS);
        assertTrue(CARDS.size() >= 200, "cards: " + CARDS.size());
        Map<CardKind, Integer> kinds = new EnumMap<>(CardKind.class);
        CARDS.forEach(c -> kinds.merge(c.kind(), 1, Integer::sum));
        assertTrue(kinds.getOrDefault(CardKind.CLOZE, 0) >= 20, "clozes: " + kinds);
        assertTrue(CARDS.stream().filter(c -> c.front().contains("$") || c.back().contains("$")).count() >= 15, "cards with math");
        Set<String> fingerprints = new HashSet<>();
        CARDS.forEach(c -> assertTrue(fingerprints.add(c.fingerprint()), "duplicate card: " + c.front()));
    }

    @Test
    void drillsAndBehaviouralQuestionsParseCleanlyAndNameTheNotesForEveryKeyPoint() throws IOException {
        List<String> problems = new ArrayList<>();
        int drills = 0;
        int behavioral = 0;
        try (Stream<Path> files = Files.walk(QUESTIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(file);
                if (dev.drillbook.grading.DrillParser.kindOf(NoteBuilder.frontMatter(text)) == null) {
                    continue;
                }
                String source = "questions/" + VaultPaths.relative(QUESTIONS, file);
                var result = dev.drillbook.grading.DrillParser.parse(source, text);
                result.problems().forEach(p -> problems.add(p.path() + ":" + p.line() + " " + p.message()));
                var drill = result.drill().orElseThrow();
                if (drill.behavioral()) {
                    behavioral++;
                    assertEquals(List.of("situation", "task", "action", "result", "reflection"),
                            drill.rubric().stream().map(dev.drillbook.grading.Drill.Dimension::id).toList(), source);
                } else {
                    drills++;
                }
                List<String> links = new ArrayList<>(drill.notes());
                for (var point : drill.keyPoints()) {
                    if (point.links().isEmpty()) {
                        problems.add(source + " key point without a note: " + point.text());
                    }
                    links.addAll(point.links());
                }
                for (String link : links) {
                    if (!NAMES.resolve(link, null).resolved()) {
                        problems.add(source + " links to a missing note: " + link);
                    }
                }
                if (!drill.behavioral() && (drill.referenceOutline().isBlank() || drill.followUps().size() < 2)) {
                    problems.add(source + " needs a reference outline and follow-ups");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(drills >= 12, "drills: " + drills);
        assertTrue(behavioral >= 15, "behavioural questions: " + behavioral);
    }

    @Test
    void everyCardLinksToANoteThatExists() {
        List<String> unlinked = new ArrayList<>();
        for (ParsedCard card : CARDS) {
            List<String> links = card.links().isEmpty() ? FILE_LINKS.get(card.source()) : card.links();
            boolean ok = !links.isEmpty();
            for (String link : links) {
                Resolution r = NAMES.resolve(link, null);
                ok &= r.resolved() && !r.ambiguous();
            }
            if (!ok) {
                unlinked.add(card.source() + ":" + card.line() + " " + card.front() + " → " + links);
            }
        }
        assertEquals(List.of(), unlinked);
    }
}
