package dev.drillbook.anki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.review.CardEntity;
import dev.drillbook.review.CardFilter;
import dev.drillbook.review.CardState;
import dev.drillbook.review.ReviewLogEntity;
import dev.drillbook.review.ReviewService;
import dev.drillbook.vault.Vault;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Cards as an Anki package Anki imports (File → Import): a schema 11 {@code collection.anki21} with Anki's Basic,
 * Basic (and reversed card) and Cloze note types, one Cloze note per block of cloze deletions, {@code a::b} tags, the
 * media the cards show, each card's schedule (FSRS stability and difficulty in {@code cards.data}) and its review log.
 * Links into Drillbook become plain text, or absolute links when {@code drillbook.anki.site-url} is set.
 */
@ApplicationScoped
public class AnkiExporter {

    static final long BASIC = 1_700_000_000_001L;
    static final long REVERSED = 1_700_000_000_002L;
    static final long CLOZE = 1_700_000_000_003L;
    private static final Pattern HIGHLIGHT = Pattern.compile("==(?=\\S)(.+?)(?<=\\S)==");
    private static final Pattern NUMBERED = Pattern.compile("\\{\\{c\\d+::");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReviewService reviews;

    @Inject
    Vault vault;

    @Inject
    DrillbookConfig config;

    @Inject
    AnkiConfig anki;

    private final ObsidianMarkdown markdown = new ObsidianMarkdown();

    /** One Anki note to write: its type, HTML fields, deck, tags and the Drillbook cards that are its cards (by ord). */
    private record Note(long type, List<String> fields, String deck, List<String> tags, List<CardEntity> cards, String guid) {
    }

    /** Writes the package to {@code out}; returns how many notes it holds. */
    public int export(CardFilter filter, Instant now, OutputStream out) throws IOException {
        List<CardEntity> cards = reviews.cards(filter, false, false, now, 0, Integer.MAX_VALUE);
        Map<String, Path> media = new LinkedHashMap<>();
        List<Note> notes = notes(cards, media);
        Path db = Files.createTempFile("drillbook-export-", ".anki21");
        try {
            Files.delete(db);
            writeCollection(db, notes, now);
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("collection.anki21"));
                Files.copy(db, zip);
                zip.closeEntry();
                ObjectNode map = JSON.createObjectNode();
                int i = 0;
                for (Map.Entry<String, Path> m : media.entrySet()) {
                    zip.putNextEntry(new ZipEntry(String.valueOf(i)));
                    Files.copy(m.getValue(), zip);
                    zip.closeEntry();
                    map.put(String.valueOf(i++), m.getKey());
                }
                zip.putNextEntry(new ZipEntry("media"));
                zip.write(map.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (SQLException e) {
            throw new IOException("Writing the Anki collection failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(db);
        }
        return notes.size();
    }

    private List<Note> notes(List<CardEntity> cards, Map<String, Path> media) {
        List<Note> notes = new ArrayList<>();
        Map<String, List<CardEntity>> clozeBlocks = new LinkedHashMap<>();
        Map<String, CardEntity> basicByText = new LinkedHashMap<>();
        Set<String> paired = new HashSet<>();
        Map<String, java.util.TreeMap<Integer, String>> guids = new HashMap<>();
        Set<String> usedGuids = new HashSet<>();
        java.util.function.Function<CardEntity, String> guidOf = c -> {
            // a card imported from Anki goes back under its note's guid, so Anki updates that note
            var byLine = guids.computeIfAbsent(c.source, this::ankiGuids).floorEntry(c.line);
            String g = byLine != null ? byLine.getValue() : guid(c.id);
            return usedGuids.add(g) ? g : guid(c.id);
        };
        for (CardEntity c : cards) {
            if ("cloze".equals(c.kind)) {
                clozeBlocks.computeIfAbsent(c.source + "\u0000" + c.line, k -> new ArrayList<>()).add(c);
            } else {
                basicByText.putIfAbsent(c.source + "\u0000" + c.front.strip() + "\u0000" + withoutTags(c.back), c);
            }
        }
        for (CardEntity c : cards) {
            if ("cloze".equals(c.kind) || paired.contains(c.id)) {
                continue;
            }
            // a card and its reverse (":::", "??", or Anki's two cards) are one Basic (and reversed card) note
            CardEntity twin = basicByText.get(c.source + "\u0000" + withoutTags(c.back) + "\u0000" + c.front.strip());
            if (twin != null && twin != c && !paired.contains(twin.id) && withoutTags(twin.back).equals(c.front.strip())) {
                paired.add(c.id);
                paired.add(twin.id);
                notes.add(new Note(REVERSED, List.of(html(c.front, c.source, media), html(withoutTags(c.back), c.source, media)),
                        deck(c), tags(c), List.of(c, twin), guidOf.apply(c)));
            }
        }
        for (CardEntity c : cards) {
            if (!"cloze".equals(c.kind) && !paired.contains(c.id)) {
                notes.add(new Note(BASIC, List.of(html(c.front, c.source, media), html(withoutTags(c.back), c.source, media)), deck(c),
                        tags(c), List.of(c), guidOf.apply(c)));
            }
        }
        for (List<CardEntity> block : clozeBlocks.values()) {
            CardEntity first = block.get(0);
            Optional<String> text = blockText(first).flatMap(t -> numbered(t, block.size())).or(() -> clozeText(block));
            if (text.isPresent()) {
                notes.add(new Note(CLOZE, List.of(html(withoutTags(text.get()), first.source, media), ""), deck(first), tags(first), block,
                        guidOf.apply(first)));
            } else {
                // deletions whose numbering cannot be recovered from the cards: one cloze note per card
                for (CardEntity c : block) {
                    String one = HIGHLIGHT.matcher(withoutTags(c.back)).replaceAll(m -> Matcher.quoteReplacement("{{c1::" + m.group(1) + "}}"));
                    notes.add(new Note(CLOZE, List.of(html(one, c.source, media), ""), deck(c), tags(c), List.of(c), guid(c.id)));
                }
            }
        }
        return notes;
    }

    private static final Pattern TAG_LINE = Pattern.compile("\\n\\s*(?:#[\\p{L}\\p{N}_/-]+\\s*)+$");

    /** Tags written under a card (as the Anki importer does) travel as Anki tags, not as text. */
    static String withoutTags(String md) {
        return TAG_LINE.matcher(md.strip()).replaceFirst("").strip();
    }

    /** A block of cloze text with Anki numbering: its own {{cN::}} kept, ==x== highlights numbered in order. */
    static Optional<String> numbered(String text, int cards) {
        Set<String> groups = new LinkedHashSet<>();
        Matcher n = Pattern.compile("\\{\\{c(\\d+)::").matcher(text);
        while (n.find()) {
            groups.add(n.group(1));
        }
        if (!groups.isEmpty()) {
            return groups.size() == cards ? Optional.of(text) : Optional.empty();
        }
        int[] k = {0};
        String out = HIGHLIGHT.matcher(text).replaceAll(x -> Matcher.quoteReplacement("{{c" + (++k[0]) + "::" + x.group(1) + "}}"));
        return k[0] == cards ? Optional.of(out) : Optional.empty();
    }

    /** The lines of a card file's block starting at the card's line, for card files under the questions folder. */
    private Optional<String> blockText(CardEntity c) {
        Optional<java.util.List<String>> lines = questionFile(c.source);
        if (lines.isEmpty() || c.line < 1 || c.line > lines.get().size()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (int i = c.line - 1; i < lines.get().size() && !lines.get().get(i).isBlank(); i++) {
            b.append(lines.get().get(i)).append('\n');
        }
        return Optional.of(b.toString().strip());
    }

    /** Line where each imported note's section starts → its Anki guid, for a file the Anki importer wrote. */
    private java.util.TreeMap<Integer, String> ankiGuids(String source) {
        java.util.TreeMap<Integer, String> out = new java.util.TreeMap<>();
        if (!source.startsWith("questions/" + AnkiImporter.FOLDER + "/")) {
            return out;
        }
        questionFile(source).ifPresent(lines -> {
            String text = String.join("\n", lines);
            DeckFile.Parsed parsed = DeckFile.parse(text);
            int line = (int) parsed.head().chars().filter(ch -> ch == '\n').count() + 1;
            for (Map.Entry<String, String> e : parsed.notes().entrySet()) {
                out.put(line, e.getKey());
                line += (int) e.getValue().chars().filter(ch -> ch == '\n').count();
            }
        });
        return out;
    }

    private Optional<java.util.List<String>> questionFile(String source) {
        if (!source.startsWith("questions/")) {
            return Optional.empty();
        }
        Path root = config.questionsDir().toAbsolutePath().normalize();
        Path f = root.resolve(source.substring("questions/".length())).normalize();
        try {
            return f.startsWith(root) && Files.isRegularFile(f) ? Optional.of(Files.readAllLines(f, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The block's text with Anki deletions: a block of {@code ==x==} highlights has every deletion on each card's back
     * (numbered c1, c2, … in order, one card each); a block of one numbered deletion highlights it on its back.
     */
    static Optional<String> clozeText(List<CardEntity> block) {
        String back = block.get(0).back;
        Matcher m = HIGHLIGHT.matcher(back);
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (count == block.size() && !NUMBERED.matcher(back).find()) {
            int[] n = {0};
            return Optional.of(HIGHLIGHT.matcher(back).replaceAll(x -> Matcher.quoteReplacement("{{c" + (++n[0]) + "::" + x.group(1) + "}}")));
        }
        if (block.size() == 1) {
            return Optional.of(HIGHLIGHT.matcher(back).replaceAll(x -> Matcher.quoteReplacement("{{c1::" + x.group(1) + "}}")));
        }
        return Optional.empty();
    }

    /** Card Markdown as Anki HTML: math for MathJax, links into Drillbook as text (or absolute), media by file name. */
    private String html(String md, String source, Map<String, Path> media) {
        // the renderer breaks "{{" with an empty comment (so no template engine reads it); Anki's clozes need it whole
        String rendered = AnkiText.ankiMath(markdown.renderFragment(md, source, vault.names())).replace("{<!-- -->{", "{{").strip();
        Element body = Jsoup.parseBodyFragment(rendered).body();
        for (Element a : body.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("/")) {
                if (anki.siteUrl().isPresent()) {
                    a.attr("href", anki.siteUrl().get().replaceAll("/+$", "") + href);
                } else {
                    a.unwrap();
                }
            }
        }
        for (Element img : body.select("img[src]")) {
            String src = img.attr("src");
            Optional<Path> file = Optional.empty();
            if (src.startsWith(AnkiHtml.MEDIA_URL)) {
                String name = URLDecoder.decode(src.substring(AnkiHtml.MEDIA_URL.length()), StandardCharsets.UTF_8);
                Path dir = config.questionsDir().toAbsolutePath().normalize().resolve(AnkiImporter.FOLDER).resolve(AnkiImporter.ATTACHMENTS);
                Path f = dir.resolve(name).normalize();
                file = f.getParent().equals(dir) && Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
            } else if (src.startsWith("/files/")) {
                file = vault.attachment(URLDecoder.decode(src.substring("/files/".length()), StandardCharsets.UTF_8));
            }
            if (file.isPresent()) {
                String name = AnkiHtml.cleanMediaName(file.get().getFileName().toString());
                for (int n = 2; media.containsKey(name) && !media.get(name).equals(file.get()); n++) {
                    name = n + "-" + AnkiHtml.cleanMediaName(file.get().getFileName().toString());
                }
                media.put(name, file.get());
                img.attr("src", name);
            }
        }
        return body.html();
    }

    private static String deck(CardEntity c) {
        String d = c.deck.replace("/", "::");
        return c.source.startsWith("questions/" + AnkiImporter.FOLDER + "/") ? d : "Drillbook::" + d;
    }

    private static List<String> tags(CardEntity c) {
        List<String> tags = new ArrayList<>();
        for (String t : CardEntity.splitList(c.tags)) {
            tags.add(t.replace("/", "::").replaceAll("\\s+", "_"));
        }
        tags.add("drillbook");
        return tags;
    }

    /** A stable guid per Drillbook card, so exporting again updates the notes in Anki instead of adding copies. */
    static String guid(String cardId) {
        return "db" + sha1("drillbook:" + cardId).substring(0, 12);
    }

    private void writeCollection(Path db, List<Note> notes, Instant now) throws SQLException {
        // the collection's day 0: review due dates count days from it
        Instant crt = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3650));
        Map<String, Long> deckIds = new LinkedHashMap<>();
        deckIds.put("Default", 1L);
        for (Note n : notes) {
            String path = "";
            for (String level : n.deck().split("::")) {
                path = path.isEmpty() ? level : path + "::" + level;
                deckIds.computeIfAbsent(path, k -> 1_700_000_100_000L + deckIds.size());
            }
        }
        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + db, new java.util.Properties())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,"
                        + " ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,"
                        + " models text not null, decks text not null, dconf text not null, tags text not null)");
                s.executeUpdate("create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,"
                        + " usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,"
                        + " flags integer not null, data text not null)");
                s.executeUpdate("create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,"
                        + " mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,"
                        + " ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,"
                        + " odue integer not null, odid integer not null, flags integer not null, data text not null)");
                s.executeUpdate("create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,"
                        + " ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null)");
                s.executeUpdate("create table graves (usn integer not null, oid integer not null, type integer not null)");
                s.executeUpdate("create index ix_notes_usn on notes (usn)");
                s.executeUpdate("create index ix_cards_usn on cards (usn)");
                s.executeUpdate("create index ix_revlog_usn on revlog (usn)");
                s.executeUpdate("create index ix_cards_nid on cards (nid)");
                s.executeUpdate("create index ix_cards_sched on cards (did, queue, due)");
                s.executeUpdate("create index ix_revlog_cid on revlog (cid)");
                s.executeUpdate("create index ix_notes_csum on notes (csum)");
            }
            long mod = now.getEpochSecond();
            try (PreparedStatement ps = c.prepareStatement("insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')")) {
                ps.setLong(1, crt.getEpochSecond());
                ps.setLong(2, now.toEpochMilli());
                ps.setLong(3, now.toEpochMilli());
                ps.setString(4, "{\"nextPos\": 1, \"sortType\": \"noteFld\", \"sortBackwards\": false, \"activeDecks\": [1], \"curDeck\": 1,"
                        + " \"newSpread\": 0, \"collapseTime\": 1200, \"timeLim\": 0, \"estTimes\": true, \"dueCounts\": true, \"curModel\": null,"
                        + " \"addToCur\": true, \"schedVer\": 2}");
                ps.setString(5, models(mod));
                ps.setString(6, decks(deckIds, mod));
                ps.setString(7, dconf(mod));
                ps.executeUpdate();
            }
            long noteId = now.toEpochMilli() - notes.size() - 10;
            long cardId = noteId - 1_000_000_000L;
            Set<Long> revlogIds = new HashSet<>();
            try (PreparedStatement pn = c.prepareStatement("insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
                    PreparedStatement pc = c.prepareStatement("insert into cards values (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)");
                    PreparedStatement pr = c.prepareStatement("insert into revlog values (?, ?, -1, ?, ?, ?, ?, 0, ?)")) {
                int position = 0;
                for (Note n : notes) {
                    long nid = ++noteId;
                    String sfld = Jsoup.parseBodyFragment(n.fields().get(0)).text();
                    pn.setLong(1, nid);
                    pn.setString(2, n.guid());
                    pn.setLong(3, n.type());
                    pn.setLong(4, mod);
                    pn.setString(5, " " + String.join(" ", new LinkedHashSet<>(n.tags())) + " ");
                    pn.setString(6, String.join("\u001f", n.fields()));
                    pn.setString(7, sfld);
                    pn.setLong(8, Long.parseLong(sha1(sfld).substring(0, 8), 16));
                    pn.executeUpdate();
                    for (int ord = 0; ord < n.cards().size(); ord++) {
                        CardEntity card = n.cards().get(ord);
                        long cid = ++cardId;
                        Schedule s = schedule(card, crt, ++position);
                        pc.setLong(1, cid);
                        pc.setLong(2, nid);
                        pc.setLong(3, deckIds.get(n.deck()));
                        pc.setInt(4, ord);
                        pc.setLong(5, mod);
                        pc.setInt(6, s.type());
                        pc.setInt(7, s.queue());
                        pc.setLong(8, s.due());
                        pc.setInt(9, s.interval());
                        pc.setInt(10, card.reps == 0 ? 0 : 2500);
                        pc.setInt(11, card.reps);
                        pc.setInt(12, card.lapses);
                        pc.setString(13, card.stability > 0 ? String.format(java.util.Locale.ROOT, "{\"s\":%.4f,\"d\":%.4f}",
                                card.stability, card.difficulty) : "");
                        pc.executeUpdate();
                        int lastIvl = 0;
                        for (ReviewLogEntity r : history(card.id)) {
                            long id = r.reviewedAt.toEpochMilli();
                            while (!revlogIds.add(id)) {
                                id++; // revlog ids are unique milliseconds
                            }
                            int ivl = "REVIEW".equals(r.stateAfter) ? Math.max(1, r.scheduledDays)
                                    : -(int) Math.max(60, Duration.between(r.reviewedAt, r.dueAfter == null ? r.reviewedAt : r.dueAfter).toSeconds());
                            pr.setLong(1, id);
                            pr.setLong(2, cid);
                            pr.setInt(3, r.rating);
                            pr.setInt(4, ivl);
                            pr.setInt(5, lastIvl);
                            pr.setInt(6, (int) Math.round(r.difficultyAfter * 100));
                            pr.setInt(7, switch (r.stateBefore) {
                                case "REVIEW" -> 1;
                                case "RELEARNING" -> 2;
                                default -> 0;
                            });
                            pr.executeUpdate();
                            lastIvl = ivl;
                        }
                    }
                }
            }
            c.commit();
        }
    }

    private List<ReviewLogEntity> history(String cardId) {
        return QuarkusTransaction.requiringNew().call(() -> reviews.history(cardId).stream().filter(r -> !r.undone).toList());
    }

    private record Schedule(int type, int queue, long due, int interval) {
    }

    /** Anki's card columns for a Drillbook schedule: review due as a day number from crt, learning due in epoch seconds. */
    static Schedule schedule(CardEntity c, Instant crt, int newPosition) {
        CardState state = CardState.valueOf(c.state);
        int queue;
        Schedule s = switch (state) {
            case NEW -> new Schedule(0, 0, newPosition, 0);
            case LEARNING, RELEARNING -> new Schedule(state == CardState.LEARNING ? 1 : 3, 1,
                    (c.due == null ? Instant.now() : c.due).getEpochSecond(), 0);
            case REVIEW -> new Schedule(2, 2, Duration.between(crt, c.due == null ? crt : c.due).toDays(),
                    (int) Math.max(1, c.lastReview == null || c.due == null ? 1 : Duration.between(c.lastReview, c.due).toDays()));
        };
        queue = c.queue == CardEntity.QUEUE_SUSPENDED ? -1 : c.queue == CardEntity.QUEUE_BURIED ? -3 : s.queue();
        return new Schedule(s.type(), queue, s.due(), s.interval());
    }

    private static String models(long mod) {
        ObjectNode root = JSON.createObjectNode();
        model(root, BASIC, "Basic", 0, List.of("Front", "Back"), List.<String[]>of(
                new String[] {"Card 1", "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"}), mod);
        model(root, REVERSED, "Basic (and reversed card)", 0, List.of("Front", "Back"), List.of(
                new String[] {"Card 1", "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"},
                new String[] {"Card 2", "{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}"}), mod);
        model(root, CLOZE, "Cloze", 1, List.of("Text", "Back Extra"), List.<String[]>of(
                new String[] {"Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"}), mod);
        return root.toString();
    }

    private static void model(ObjectNode root, long id, String name, int type, List<String> fields, List<String[]> templates, long mod) {
        ObjectNode m = root.putObject(String.valueOf(id));
        m.put("id", id).put("name", name).put("type", type).put("mod", mod).put("usn", -1).put("sortf", 0).put("did", 1)
                .put("css", ".card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n"
                        + (type == 1 ? ".cloze {\n font-weight: bold;\n color: blue;\n}\n" : ""))
                .put("latexPre", "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n"
                        + "\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n")
                .put("latexPost", "\\end{document}").put("latexsvg", false);
        m.putArray("tags");
        m.putArray("vers");
        ArrayNode flds = m.putArray("flds");
        for (int i = 0; i < fields.size(); i++) {
            flds.addObject().put("name", fields.get(i)).put("ord", i).put("sticky", false).put("rtl", false).put("font", "Arial")
                    .put("size", 20).put("description", "").putArray("media");
        }
        ArrayNode tmpls = m.putArray("tmpls");
        ArrayNode req = m.putArray("req");
        for (int i = 0; i < templates.size(); i++) {
            String[] t = templates.get(i);
            tmpls.addObject().put("name", t[0]).put("ord", i).put("qfmt", t[1]).put("afmt", t[2]).put("bqfmt", "").put("bafmt", "")
                    .putNull("did").put("bfont", "").put("bsize", 0);
            ArrayNode r = req.addArray().add(i).add("any");
            r.addArray().add(type == 1 ? 0 : i == 0 ? 0 : 1);
        }
    }

    private static String decks(Map<String, Long> ids, long mod) {
        ObjectNode root = JSON.createObjectNode();
        ids.forEach((name, id) -> {
            ObjectNode d = root.putObject(String.valueOf(id));
            d.put("id", id).put("name", name).put("mod", mod).put("usn", -1).put("collapsed", false).put("browserCollapsed", false)
                    .put("desc", "").put("dyn", 0).put("conf", 1).put("extendNew", 0).put("extendRev", 0);
            for (String k : List.of("newToday", "revToday", "lrnToday", "timeToday")) {
                d.putArray(k).add(0).add(0);
            }
        });
        return root.toString();
    }

    private static String dconf(long mod) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode c = root.putObject("1");
        c.put("id", 1).put("name", "Default").put("mod", mod).put("usn", -1).put("maxTaken", 60).put("autoplay", true).put("timer", 0)
                .put("replayq", true).put("dyn", false);
        c.putObject("new").putArray("delays").add(1.0).add(10.0);
        ((ObjectNode) c.get("new")).putArray("ints").add(1).add(4).add(0);
        ((ObjectNode) c.get("new")).put("initialFactor", 2500).put("order", 1).put("perDay", 20).put("bury", false);
        c.putObject("lapse").putArray("delays").add(10.0);
        ((ObjectNode) c.get("lapse")).put("mult", 0.0).put("minInt", 1).put("leechFails", 8).put("leechAction", 1);
        c.putObject("rev").put("perDay", 200).put("ease4", 1.3).put("ivlFct", 1.0).put("maxIvl", 36500).put("bury", false)
                .put("hardFactor", 1.2);
        return root.toString();
    }

    static String sha1(String s) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
