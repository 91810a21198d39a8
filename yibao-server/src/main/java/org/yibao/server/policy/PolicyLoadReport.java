package org.yibao.server.policy;

import java.time.Instant;
import java.util.List;

/** What happened to each policy file of the data directory at the last (re)load (R-REF-4). */
public record PolicyLoadReport(Instant at, List<FileOutcome> files) {

    /** How a file was taken. */
    public enum Outcome {
        /** Valid and changed: stored as a new active version. */
        LOADED,
        /** Same content as the active version: nothing to do. */
        UNCHANGED,
        /** Invalid: refused; the previously active version stays in force. */
        REFUSED
    }

    /** One file: where, what, which version is active now, and why it was refused. */
    public record FileOutcome(String file, String region, Integer year, Outcome outcome, Integer activeVersion,
                              List<PolicyProblem> problems) {}

    public static PolicyLoadReport none() {
        return new PolicyLoadReport(null, List.of());
    }
}
