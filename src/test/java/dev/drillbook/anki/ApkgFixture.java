package dev.drillbook.anki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes Anki packages for tests, the way Anki lays them out: a schema 11 collection ({@code collection.anki2} or
 * {@code .anki21}, note types and decks as JSON in {@code col}, media map as JSON) or a schema 18 one
 * ({@code collection.anki21b}: zstd-compressed, note types in {@code notetypes}/{@code fields}/{@code templates} with
 * protobuf configs, decks in {@code decks}, media map and media files zstd-compressed protobuf), zipped.
 */
final class ApkgFixture {

    enum Format { ANKI2, ANKI21, ANKI21B }

    record Type(long id, String name, boolean cloze, List<String> fields, List<String[]> templates) {
    }

    private final Format format;
    private final long created;
    private final Map<Long, Type> types = new LinkedHashMap<>();
    private final Map<Long, String> decks = new LinkedHashMap<>();
    private final List<Object[]> notes = new ArrayList<>();
    private final List<Object[]> cards = new ArrayList<>();
    private final List<Object[]> revlog = new ArrayList<>();
    private final Map<String, byte[]> media = new LinkedHashMap<>();
    private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();
    private long nextId = 1_600_000_000_000L;

    ApkgFixture(Format format, long createdSeconds) {
        this.format = format;
        this.created = createdSeconds;
        decks.put(1L, "Default");
    }

    long basic() {
        return type("Basic", false, List.of("Front", "Back"), List.<String[]>of(new String[] {"Card 1", "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"}));
    }

    long reversed() {
        return type("Basic (and reversed card)", false, List.of("Front", "Back"), List.of(
                new String[] {"Card 1", "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"},
                new String[] {"Card 2", "{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}"}));
    }

    long typeIn() {
        return type("Basic (type in the answer)", false, List.of("Front", "Back"), List.<String[]>of(
                new String[] {"Card 1", "{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}"}));
    }

    long cloze() {
        return type("Cloze", true, List.of("Text", "Back Extra"), List.<String[]>of(
                new String[] {"Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"}));
    }

    long type(String name, boolean cloze, List<String> fields, List<String[]> templates) {
        long id = nextId++;
        types.put(id, new Type(id, name, cloze, fields, templates));
        return id;
    }

    long deck(String name) {
        long id = nextId++;
        decks.put(id, name);
        return id;
    }

    long note(long type, String guid, String tags, String... fields) {
        long id = nextId++;
        notes.add(new Object[] {id, guid, type, tags.isBlank() ? "" : " " + tags + " ", String.join("\u001f", fields), fields[0]});
        return id;
    }

    /** A card; {@code data} is cards.data ("" or a JSON object with s and d). */
    long card(long note, long deck, int ord, int type, int queue, long due, int ivl, int reps, int lapses, String data) {
        long id = nextId++;
        cards.add(new Object[] {id, note, deck, ord, type, queue, due, ivl, reps, lapses, data});
        return id;
    }

    long newCard(long note, long deck, int ord) {
        return card(note, deck, ord, 0, 0, 1, 0, 0, 0, "");
    }

    void review(long card, long millis, int ease, int type) {
        revlog.add(new Object[] {millis, card, ease, type});
    }

    void media(String name, byte[] bytes) {
        media.put(name, bytes);
    }

    /** An extra zip entry, for hostile packages. */
    void entry(String name, byte[] bytes) {
        extraEntries.put(name, bytes);
    }

    Path write(Path dir, String name) throws IOException, SQLException {
        Path db = Files.createTempFile(dir, "collection", ".db");
        Files.delete(db);
        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + db, new java.util.Properties())) {
            org.sqlite.Collation.create(c, "unicase", new org.sqlite.Collation() {
                @Override
                protected int xCompare(String a, String b) {
                    return a.compareToIgnoreCase(b);
                }
            });
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
                boolean v18 = format == Format.ANKI21B;
                try (PreparedStatement ps = c.prepareStatement("insert into col values (1, ?, 0, 0, ?, 0, 0, 0, '{}', ?, ?, '{}', '{}')")) {
                    ps.setLong(1, created);
                    ps.setInt(2, v18 ? 18 : 11);
                    ps.setString(3, v18 ? "" : modelsJson());
                    ps.setString(4, v18 ? "" : decksJson());
                    ps.executeUpdate();
                }
                if (v18) {
                    schema18(c, s);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into notes values (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, '')")) {
                for (Object[] n : notes) {
                    ps.setLong(1, (Long) n[0]);
                    ps.setString(2, (String) n[1]);
                    ps.setLong(3, (Long) n[2]);
                    ps.setString(4, (String) n[3]);
                    ps.setString(5, (String) n[4]);
                    ps.setString(6, (String) n[5]);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into cards values (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 2500, ?, ?, 0, 0, 0, 0, ?)")) {
                for (Object[] k : cards) {
                    ps.setLong(1, (Long) k[0]);
                    ps.setLong(2, (Long) k[1]);
                    ps.setLong(3, (Long) k[2]);
                    ps.setInt(4, (Integer) k[3]);
                    ps.setInt(5, (Integer) k[4]);
                    ps.setInt(6, (Integer) k[5]);
                    ps.setLong(7, (Long) k[6]);
                    ps.setInt(8, (Integer) k[7]);
                    ps.setInt(9, (Integer) k[8]);
                    ps.setInt(10, (Integer) k[9]);
                    ps.setString(11, (String) k[10]);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into revlog values (?, ?, 0, ?, 1, 0, 2500, 6000, ?)")) {
                for (Object[] r : revlog) {
                    ps.setLong(1, (Long) r[0]);
                    ps.setLong(2, (Long) r[1]);
                    ps.setInt(3, (Integer) r[2]);
                    ps.setInt(4, (Integer) r[3]);
                    ps.executeUpdate();
                }
            }
        }
        byte[] collection = Files.readAllBytes(db);
        Files.delete(db);
        Path out = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            if (format == Format.ANKI21B) {
                put(zip, "collection.anki2", legacyPlaceholder(dir));
                put(zip, "collection.anki21b", Zstd.compress(collection));
                put(zip, "meta", new Protobuf.Writer().number(1, 3).toBytes());
                Protobuf.Writer map = new Protobuf.Writer();
                int i = 0;
                for (Map.Entry<String, byte[]> m : media.entrySet()) {
                    map.bytes(1, new Protobuf.Writer().string(1, m.getKey()).number(2, m.getValue().length).toBytes());
                    put(zip, String.valueOf(i++), Zstd.compress(m.getValue()));
                }
                put(zip, "media", Zstd.compress(map.toBytes()));
            } else {
                put(zip, format == Format.ANKI2 ? "collection.anki2" : "collection.anki21", collection);
                ObjectNode map = new ObjectMapper().createObjectNode();
                int i = 0;
                for (Map.Entry<String, byte[]> m : media.entrySet()) {
                    map.put(String.valueOf(i), m.getKey());
                    put(zip, String.valueOf(i++), m.getValue());
                }
                put(zip, "media", map.toString().getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> e : extraEntries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** New Anki writes an old-format collection too, holding one note that asks to update Anki. */
    private byte[] legacyPlaceholder(Path dir) throws IOException, SQLException {
        ApkgFixture old = new ApkgFixture(Format.ANKI2, created);
        long t = old.basic();
        long n = old.note(t, "placeholder", "", "Please update to the latest Anki version, then import the .colpkg/.apkg file again.", "");
        old.newCard(n, 1, 0);
        Path p = old.write(dir, "legacy-" + System.nanoTime() + ".apkg");
        try (var zip = new java.util.zip.ZipFile(p.toFile())) {
            return zip.getInputStream(zip.getEntry("collection.anki2")).readAllBytes();
        } finally {
            Files.delete(p);
        }
    }

    private void schema18(Connection c, Statement s) throws SQLException {
        s.executeUpdate("create table fields (ntid integer not null, ord integer not null, name text not null collate unicase,"
                + " config blob not null, primary key (ntid, ord)) without rowid");
        s.executeUpdate("create table templates (ntid integer not null, ord integer not null, name text not null collate unicase,"
                + " mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord)) without rowid");
        s.executeUpdate("create table notetypes (id integer not null primary key, name text not null collate unicase,"
                + " mtime_secs integer not null, usn integer not null, config blob not null)");
        s.executeUpdate("create table decks (name text not null primary key collate unicase, id integer not null,"
                + " mtime_secs integer not null, usn integer not null, common bytes not null, kind bytes not null)");
        for (Type t : types.values()) {
            try (PreparedStatement ps = c.prepareStatement("insert into notetypes values (?, ?, 0, 0, ?)")) {
                ps.setLong(1, t.id());
                ps.setString(2, t.name());
                ps.setBytes(3, new Protobuf.Writer().number(1, t.cloze() ? 1 : 0).string(3, ".card {}").toBytes());
                ps.executeUpdate();
            }
            for (int i = 0; i < t.fields().size(); i++) {
                try (PreparedStatement ps = c.prepareStatement("insert into fields values (?, ?, ?, ?)")) {
                    ps.setLong(1, t.id());
                    ps.setInt(2, i);
                    ps.setString(3, t.fields().get(i));
                    ps.setBytes(4, new Protobuf.Writer().string(3, "Arial").number(4, 20).toBytes());
                    ps.executeUpdate();
                }
            }
            for (int i = 0; i < t.templates().size(); i++) {
                String[] tm = t.templates().get(i);
                try (PreparedStatement ps = c.prepareStatement("insert into templates values (?, ?, ?, 0, 0, ?)")) {
                    ps.setLong(1, t.id());
                    ps.setInt(2, i);
                    ps.setString(3, tm[0]);
                    ps.setBytes(4, new Protobuf.Writer().string(1, tm[1]).string(2, tm[2]).toBytes());
                    ps.executeUpdate();
                }
            }
        }
        for (Map.Entry<Long, String> d : decks.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("insert into decks values (?, ?, 0, 0, ?, ?)")) {
                ps.setString(1, d.getValue().replace("::", "\u001f"));
                ps.setLong(2, d.getKey());
                ps.setBytes(3, new byte[0]);
                ps.setBytes(4, new Protobuf.Writer().bytes(1, new byte[] {8, 1}).toBytes());
                ps.executeUpdate();
            }
        }
    }

    private String modelsJson() {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        for (Type t : types.values()) {
            ObjectNode m = root.putObject(String.valueOf(t.id()));
            m.put("id", t.id()).put("name", t.name()).put("type", t.cloze() ? 1 : 0).put("css", ".card {}").put("sortf", 0);
            ArrayNode flds = m.putArray("flds");
            for (int i = 0; i < t.fields().size(); i++) {
                flds.addObject().put("name", t.fields().get(i)).put("ord", i);
            }
            ArrayNode tmpls = m.putArray("tmpls");
            for (int i = 0; i < t.templates().size(); i++) {
                String[] tm = t.templates().get(i);
                tmpls.addObject().put("name", tm[0]).put("ord", i).put("qfmt", tm[1]).put("afmt", tm[2]);
            }
        }
        return root.toString();
    }

    private String decksJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        decks.forEach((id, name) -> root.putObject(String.valueOf(id)).put("id", id).put("name", name));
        return root.toString();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

}
