package dev.drillbook.web;

import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.vault.NameIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A front-matter property as shown above a note: key and values, {@code [[links]]} resolved. */
record PropertyRow(String key, List<Value> values) {

    record Value(String text, String url) {
    }

    private static final Pattern LINK = Pattern.compile("^\\[\\[([^\\]|#]+)(?:#[^\\]|]*)?(?:\\|([^\\]]+))?]]$");

    static List<PropertyRow> of(Map<String, Object> properties, NameIndex names, String fromPath) {
        List<PropertyRow> rows = new ArrayList<>();
        properties.forEach((key, value) -> {
            List<Value> values = new ArrayList<>();
            if (value instanceof Collection<?> items) {
                items.forEach(item -> values.add(value(item, names, fromPath)));
            } else if (value != null) {
                values.add(value(value, names, fromPath));
            }
            rows.add(new PropertyRow(key, values));
        });
        return rows;
    }

    private static Value value(Object raw, NameIndex names, String fromPath) {
        String text = raw instanceof Map<?, ?> map ? map.toString() : String.valueOf(raw);
        Matcher m = LINK.matcher(text.strip());
        if (m.matches()) {
            Resolution r = names.resolve(m.group(1), fromPath);
            String shown = m.group(2) != null ? m.group(2) : m.group(1);
            return new Value(shown, r.resolved() ? (r.isNote() ? SiteUrls.note(r.path()) : SiteUrls.file(r.path()))
                    : SiteUrls.unresolved(m.group(1)));
        }
        if (text.matches("https?://\\S+")) {
            return new Value(text, text);
        }
        return new Value(text, null);
    }
}
