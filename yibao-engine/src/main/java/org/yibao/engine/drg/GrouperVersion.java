package org.yibao.engine.drg;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a grouper version and its table set (分组器版本), for example {@code chs-drg-1.1}. A region
 * names the version it groups with; the tables of version {@code v} are read from the classpath folder
 * {@code /drg/v/} (see {@link DrgTables#load}). The name is a single path segment, so a version can never
 * point outside that folder.
 */
public record GrouperVersion(String name) {

    // Declared before the constant below, which the pattern checks while the class initialises.
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** CHS-DRG 1.1 as published by OpenDRG (shared/data/chs-drg-1.1). */
    public static final GrouperVersion CHS_DRG_1_1 = new GrouperVersion("chs-drg-1.1");

    public GrouperVersion {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("a grouper version is a lower-case name such as chs-drg-1.1, got: " + name);
        }
    }

    /** The classpath folder of this version's tables, with a trailing slash. */
    public String resourceFolder() {
        return "/drg/" + name + "/";
    }

    @Override
    public String toString() {
        return name;
    }
}
