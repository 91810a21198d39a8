package org.yibao.server.gateway.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The idempotency record of processed messages (table {@code fsi_message}). */
@Component
class FsiMessages {

    record Stored(String infno, byte[] bodySha256, byte[] reply) {}

    private final JdbcClient jdbc;

    FsiMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(String fixmedinsCode, String msgid) {
        return jdbc.sql("select infno, body_sha256, reply from fsi_message where fixmedins_code = ? and msgid = ?")
                .params(fixmedinsCode, msgid)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
                .optional();
    }

    /**
     * Stores the reply of a processed call and commits the call's transaction in the same round trip to
     * the database: the insert and {@code COMMIT} go as one message sequence, so the reply leaves only once
     * both are durable, and a call costs one network exchange fewer (issue 4's throughput). When another
     * call stored this msgid first the insert fails before the {@code COMMIT} runs (the server skips the
     * rest of the sequence), the exception reaches the caller and the transaction is rolled back. Spring's
     * commit afterwards finds the connection outside a transaction and sends nothing.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the msgid is stored already
     */
    void storeAndCommit(String fixmedinsCode, String msgid, String infno, byte[] sha256, byte[] reply, Instant at) {
        jdbc.sql("""
                        insert into fsi_message (fixmedins_code, msgid, infno, body_sha256, infcode, reply, received_at, not_permitted)
                        values (?, ?, ?, ?, 0, ?, ?, false);
                        commit""")
                .params(fixmedinsCode, msgid, infno, sha256, reply, Timestamp.from(at))
                .update();
    }

    /**
     * As above; {@code notPermitted} marks a settling call refused because the institution may not settle
     * (SettlementPermission): not a data error, kept out of the upload error rate (R-INST-3).
     */
    boolean store(String fixmedinsCode, String msgid, String infno, byte[] sha256, int infcode, byte[] reply, Instant at,
                  boolean notPermitted) {
        return jdbc.sql("""
                        insert into fsi_message (fixmedins_code, msgid, infno, body_sha256, infcode, reply, received_at, not_permitted)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(fixmedinsCode, msgid, infno, sha256, infcode, reply, Timestamp.from(at), notPermitted)
                .update() == 1;
    }
}
