package org.yibao.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;

/** An acknowledged settlement must survive a crash: the embedded server runs with durable settings. */
@IntegrationTest
class DurabilityTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void embeddedPostgresWritesDurably() {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
    }
}
