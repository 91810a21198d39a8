package org.yibao.engine.drg;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the tables of a grouper version come from: given a file name such as {@code mdc.tsv}, an open
 * stream of its UTF-8 text, or {@code null} when there is no such file. The engine does no file I/O of its
 * own; the product reads its copy from the classpath ({@link DrgTables#load}), tests and tools may pass
 * anything else.
 */
@FunctionalInterface
public interface TableSource {

    InputStream open(String fileName) throws IOException;
}
