package org.yibao.server.demo;

/**
 * The demo history (R-DEMO, DOMAIN §2): three years (2023–2025) of settled visits and inpatient case
 * records of every generated person, written in the background after the first start so that later
 * issues (DRG weights, DIP scores, peer indicators, prepaid funds) have a past to compute from.
 */
public interface DemoHistory {

    /** The years the history covers. */
    int FIRST_YEAR = 2023;
    int LAST_YEAR = 2025;

    enum State {
        /** Switched off, or no demo world in this database. */
        OFF,
        /** Not started yet (the platform is still starting). */
        WAITING,
        RUNNING,
        DONE,
        /** Stopped by an error (see the log); the next start resumes after the last committed batch. */
        FAILED
    }

    /**
     * Where the generation stands.
     *
     * @param unitsDone   region-years finished
     * @param unitsTotal  region-years planned (pooling regions × years)
     * @param current     the region-year being written, as {@code 990100/2024}; null when none
     * @param settlements settlements written so far
     */
    record Progress(State state, int unitsDone, int unitsTotal, String current, long settlements) {}

    Progress progress();
}
