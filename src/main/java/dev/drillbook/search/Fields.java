package dev.drillbook.search;

/** Index field names and the boosts the issue asks for: title, aliases, headings, tags, body — in that order. */
final class Fields {

    static final String PATH = "path";
    static final String FOLDER = "folder";
    static final String TAG = "tag";
    static final String TITLE = "title";
    static final String TITLE_EXACT = "title_x";
    static final String ALIASES = "aliases";
    static final String ALIASES_EXACT = "aliases_x";
    static final String HEADINGS = "headings";
    static final String HEADINGS_EXACT = "headings_x";
    static final String TAGS_TEXT = "tags_text";
    static final String BODY = "body";
    /** The note's {@link dev.drillbook.vault.NoteContent} as JSON: what a restart reads instead of the file. */
    static final String CONTENT = "content";

    static final float TITLE_BOOST = 5f;
    static final float ALIASES_BOOST = 4f;
    static final float HEADINGS_BOOST = 3f;
    static final float TAGS_BOOST = 2f;
    static final float BODY_BOOST = 1f;

    private Fields() {
    }
}
