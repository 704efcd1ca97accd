package dev.drillbook.web;

/** The JSON body of every API error: small, stable, never a stack trace. */
public record ErrorBody(int status, String title, String detail) {
}
