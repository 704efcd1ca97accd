package dev.drillbook.web;

/** A distinct link target of a note, for the "links from here" panel. */
record OutLink(String text, String url, String path, boolean resolved, int count) {
}
