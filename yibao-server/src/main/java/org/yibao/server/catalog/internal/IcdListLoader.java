package org.yibao.server.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the 医保版 ICD-10 and ICD-9-CM-3 lists (CHS-DRG 1.1, bundled under reference/chs-drg-1.1 with
 * its LICENSE) into disease/procedure_code on the first start, with PostgreSQL COPY in one
 * transaction: about 46,000 rows in well under a second, and never half-loaded.
 */
@Component
@Order(3)
class IcdListLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IcdListLoader.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    IcdListLoader(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            load("disease", "reference/chs-drg-1.1/icd10.tsv");
            load("procedure_code", "reference/chs-drg-1.1/icd9cm3.tsv");
        });
    }

    private void load(String table, String resource) {
        if (jdbc.sql("select exists (select 1 from " + table + ")").query(Boolean.class).single()) {
            return;
        }
        // The connection bound to the surrounding transaction, so both lists commit together.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            long rows = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (code, name) from stdin with (format csv, delimiter E'\\t', header true, quote E'\\b')", in);
            log.info("Loaded {} rows into {} from {}", rows, table, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + resource + " into " + table, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
