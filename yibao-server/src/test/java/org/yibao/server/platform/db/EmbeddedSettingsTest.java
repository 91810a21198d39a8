package org.yibao.server.platform.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yibao.server.platform.YibaoProperties;

/** Tuning settings of the embedded PostgreSQL can never switch off what makes a settlement durable. */
class EmbeddedSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void theDurabilitySettingsCannotBeChanged() {
        for (String name : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
            var properties = new YibaoProperties(dataDir, new YibaoProperties.Db(null, null, null, 0, Map.of(name, "off"), 0), null);
            assertThatThrownBy(() -> new DatabaseConfiguration().embeddedDatabase(properties))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("yibao.db.embedded-settings." + name)
                    .hasMessageContaining("acknowledged settlement survives a crash");
        }
    }
}
