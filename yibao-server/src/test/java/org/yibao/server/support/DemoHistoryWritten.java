package org.yibao.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.yibao.server.demo.DemoHistory;

/** Tests that read the demo history wait until the background run has written it (it never fails silently). */
public final class DemoHistoryWritten {

    private DemoHistoryWritten() {}

    public static void await(DemoHistory history) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (history.progress().state() != DemoHistory.State.DONE && System.nanoTime() < deadline) {
            assertThat(history.progress().state()).isNotEqualTo(DemoHistory.State.FAILED);
            Thread.sleep(200);
        }
        assertThat(history.progress().state()).isEqualTo(DemoHistory.State.DONE);
    }
}
