package dev.drillbook.search;

/** The query is fine but cannot run now (the index is still being built). */
public class SearchUnavailableException extends SearchException {

    public SearchUnavailableException(String message) {
        super(message);
    }
}
