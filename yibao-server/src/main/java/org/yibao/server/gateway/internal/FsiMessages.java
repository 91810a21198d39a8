package org.yibao.server.gateway.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.platform.db.DeferredWrites;

/** The idempotency record of processed messages (table {@code fsi_message}). */
@Component
class FsiMessages {

    record Stored(String infno, byte[] bodySha256, byte[] reply) {}

    private final JdbcClient jdbc;
    private final DeferredWrites deferred;

    FsiMessages(JdbcClient jdbc, DeferredWrites deferred) {
        this.jdbc = jdbc;
        this.deferred = deferred;
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
     * commit afterwards finds the connection outside a transaction and sends nothing. The call's held writes
     * ({@link DeferredWrites}) go first in the same sequence; a duplicate among them is not a msgid race and is
     * thrown as another {@link DataIntegrityViolationException}.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the msgid is stored already
     */
    void storeAndCommit(List<DeferredWrites.Write> heldWrites, String fixmedinsCode, String msgid, String infno, byte[] sha256, byte[] reply,
                        Instant at) {
        List<DeferredWrites.Write> writes = new ArrayList<>(heldWrites);
        writes.add(new DeferredWrites.Write("""
                insert into fsi_message (fixmedins_code, msgid, infno, body_sha256, infcode, reply, received_at, not_permitted)
                values (?, ?, ?, ?, 0, ?, ?, false)""", List.of(fixmedinsCode, msgid, infno, sha256, reply, Timestamp.from(at))));
        writes.add(new DeferredWrites.Write("commit", List.of()));
        try {
            deferred.send(writes);
        } catch (DuplicateKeyException e) {
            if (e.getMostSpecificCause() instanceof PSQLException p && p.getServerErrorMessage() != null
                    && "fsi_message_pkey".equals(p.getServerErrorMessage().getConstraint())) {
                throw e;
            }
            // A held write of the call met a duplicate: not a msgid race, a failure of the call.
            throw new DataIntegrityViolationException("a write of the call failed before its reply was stored", e);
        }
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
