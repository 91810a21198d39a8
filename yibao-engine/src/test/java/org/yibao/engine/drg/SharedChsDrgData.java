package org.yibao.engine.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CHS-DRG 1.1 data as published in {@code shared/data/chs-drg-1.1} (tests load real data from there;
 * the module runs in {@code <repo>/yibao-engine}, and {@code shared/} sits next to the repo), and the
 * product's tables, read once for all grouper tests.
 */
final class SharedChsDrgData {

    static final Path DIR = Path.of("../../shared/data/chs-drg-1.1");

    /** The tables the product ships (classpath), read once. */
    static final DrgTables SHIPPED = DrgTables.load(GrouperVersion.CHS_DRG_1_1);

    private SharedChsDrgData() {}

    static Path file(String name) {
        Path p = DIR.resolve(name);
        assertThat(p).as("shared data file (run from the module dir; shared/ next to the repo)").isRegularFile();
        return p;
    }

    static List<String> samples() {
        try {
            return Files.readAllLines(file("samples.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared tables, with one file's text replaced (to test that the grouper follows the tables). */
    static DrgTables sharedWith(String fileName, String replacementText) {
        return DrgTables.read(GrouperVersion.CHS_DRG_1_1, name -> open(name, fileName, replacementText));
    }

    private static InputStream open(String name, String replaced, String text) throws IOException {
        if (name.equals(replaced)) {
            return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return Files.newInputStream(file(name));
    }

    static String read(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
