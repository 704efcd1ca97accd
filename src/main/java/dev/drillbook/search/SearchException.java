package dev.drillbook.search;

/** A query that cannot be run as written; the message says why and how to fix it. */
public class SearchException extends Exception {

    public SearchException(String message) {
        super(message);
    }
}
