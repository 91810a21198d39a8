package org.yibao.server.platform.fsi;

import java.util.List;

/**
 * A transaction of the national interface, found by the gateway by its {@code infno}s. It runs inside
 * the call's database transaction; it returns the {@code output} object (maps, lists, records and the
 * engine's exact value types, serialised with their scales) or throws {@link FsiRefusal}.
 */
public interface FsiTransaction {

    /** The infnos served, e.g. {@code 2207} and {@code 2207A}. */
    List<String> infnos();

    Object handle(FsiCall call);
}
