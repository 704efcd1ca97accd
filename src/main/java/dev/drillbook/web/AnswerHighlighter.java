package dev.drillbook.web;

import dev.drillbook.grading.Quotes;
import com.vladsch.flexmark.util.sequence.Escaping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The answer as escaped HTML with the judge's verified quotes marked, so the user sees the evidence for each finding. */
final class AnswerHighlighter {

    /** A quote and what it is evidence for (shown as the mark's title). */
    record Evidence(String quote, String label) {
    }

    private record Mark(int start, int end, String label) {
    }

    private AnswerHighlighter() {
    }

    static String html(String answer, List<Evidence> evidence) {
        List<Mark> marks = new ArrayList<>();
        for (Evidence e : evidence) {
            Optional<Quotes.Span> span = Quotes.find(e.quote(), answer);
            span.ifPresent(s -> marks.add(new Mark(s.start(), s.end(), e.label())));
        }
        marks.sort(Comparator.comparingInt(Mark::start).thenComparing(Comparator.comparingInt(Mark::end).reversed()));
        List<Mark> merged = new ArrayList<>();
        for (Mark m : marks) {
            Mark last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && m.start() < last.end()) {
                if (m.end() > last.end() || !last.label().contains(m.label())) {
                    String label = last.label().contains(m.label()) ? last.label() : last.label() + "; " + m.label();
                    merged.set(merged.size() - 1, new Mark(last.start(), Math.max(last.end(), m.end()), label));
                }
            } else {
                merged.add(m);
            }
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Mark m : merged) {
            out.append(Escaping.escapeHtml(answer.substring(at, m.start()), false));
            out.append("<mark class=\"evidence\" title=\"").append(Escaping.escapeHtml(m.label(), false)).append("\">")
                    .append(Escaping.escapeHtml(answer.substring(m.start(), m.end()), false)).append("</mark>");
            at = m.end();
        }
        out.append(Escaping.escapeHtml(answer.substring(at), false));
        return out.toString();
    }
}
