package dev.drillbook.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads input → expected-HTML examples from a spec file under {@code src/test/resources/markdown/}:
 * <pre>
 * @@ name of the example
 * Markdown input
 * @@ html
 * expected HTML
 * @@ end
 * </pre>
 */
final class SpecFile {

    record Example(String file, String name, String input, String html) {
        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    private SpecFile() {
    }

    static List<Example> read(String file) {
        String text;
        try (InputStream in = SpecFile.class.getResourceAsStream("/markdown/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("missing spec file " + file);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Example> examples = new ArrayList<>();
        String name = null;
        StringBuilder input = null;
        StringBuilder html = null;
        for (String line : text.split("\n", -1)) {
            if (line.strip().equals("@@ end")) {
                examples.add(new Example(file, name, input.toString(), html.toString()));
                name = null;
                input = null;
                html = null;
            } else if (line.strip().equals("@@ html")) {
                html = new StringBuilder();
            } else if (line.startsWith("@@ ")) {
                name = line.substring(3).strip();
                input = new StringBuilder();
            } else if (html != null) {
                html.append(line).append('\n');
            } else if (input != null) {
                input.append(line).append('\n');
            }
        }
        return examples;
    }
}
