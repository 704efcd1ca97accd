package dev.drillbook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Where benchmark results go: a Markdown table per benchmark under {@code target/bench/}, echoed to stdout. */
final class Bench {

    private Bench() {
    }

    static void write(String name, String table) throws IOException {
        String header = "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "\n\n";
        Path out = Path.of("target", "bench", name + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, header + table);
        System.out.println("\n" + header + table);
    }
}
