package org.yibao.server.settlement.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.money.Money;
import org.yibao.server.platform.db.DeferredWrites;
import org.yibao.server.platform.db.Pipeline;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTimes;

/** Visits (就诊) as stored in table {@code visit}. */
@Component
class Visits {

    enum Kind { OUTPATIENT, INPATIENT }

    enum Status { REGISTERED, ADMITTED, DISCHARGED, SETTLED, CANCELLED }

    record Visit(String mdtrtId, String fixmedinsCode, String psnNo, String insutype, String insuredAdmdvs,
                 String treatmentAdmdvs, Kind kind, Status status, String medType, LocalDateTime begntime,
                 LocalDateTime endtime, String diseCodg, String diseName, Money stayDeductibleUsed, String createdMsgid,
                 String referralFrom) {}

    private static final String COLUMNS = "mdtrt_id, fixmedins_code, psn_no, insutype, insured_admdvs, treatment_admdvs, kind, "
            + "status, med_type, begntime, endtime, dise_codg, dise_name, stay_deductible_used, created_msgid, "
            // The referral the visit consumed (R-INS-5), read with it: settlement needs it.
            + "(select r.from_fixmedins_code from referral r where r.consumed_by_mdtrt_id = visit.mdtrt_id and r.cancelled_at is null limit 1)";
    private static final RowMapper<Visit> ROW = (rs, n) -> new Visit(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), Kind.valueOf(rs.getString(7)), Status.valueOf(rs.getString(8)),
            rs.getString(9), rs.getObject(10, LocalDateTime.class), rs.getObject(11, LocalDateTime.class), rs.getString(12),
            rs.getString(13), Money.of(rs.getBigDecimal(14)), rs.getString(15), rs.getString(16));

    private final JdbcClient jdbc;
    private final IdBlocks ids;

    private final DeferredWrites deferred;

    Visits(JdbcClient jdbc, IdBlocks ids, DeferredWrites deferred) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.deferred = deferred;
    }

    /** A new mdtrt_id: the institution's region and a sequence number. */
    String newId(String admdvs) {
        return admdvs + FsiTimes.zeroPadded(ids.next("visit_seq"), 12);
    }

    void insert(String mdtrtId, FsiCall call, String psnNo, String insutype, String insuredAdmdvs, Kind kind, Status status,
                String medType, LocalDateTime begntime, String iptOtpNo, String certType, String certNo, String diseCodg,
                String diseName, String atddrNo, String drName, String deptCode, String deptName, String details) {
        DeferredWrites.Write insert = insertStatement(mdtrtId, call, psnNo, insutype, insuredAdmdvs, kind, status, medType, begntime,
                iptOtpNo, certType, certNo, diseCodg, diseName, atddrNo, drName, deptCode, deptName, details);
        jdbc.sql(insert.sql()).params(insert.params()).update();
    }

    /** As {@link #insert}, as the call's last write: sent with its reply row and commit (DeferredWrites). */
    void insertAsLastWrite(String mdtrtId, FsiCall call, String psnNo, String insutype, String insuredAdmdvs, Kind kind, Status status,
                           LocalDateTime begntime, String iptOtpNo, String certType, String certNo, String atddrNo, String drName,
                           String deptCode, String deptName) {
        DeferredWrites.Write insert = insertStatement(mdtrtId, call, psnNo, insutype, insuredAdmdvs, kind, status, null, begntime,
                iptOtpNo, certType, certNo, null, null, atddrNo, drName, deptCode, deptName, null);
        deferred.write(insert.sql(), insert.params());
    }

    private static DeferredWrites.Write insertStatement(String mdtrtId, FsiCall call, String psnNo, String insutype, String insuredAdmdvs,
                                                        Kind kind, Status status, String medType, LocalDateTime begntime, String iptOtpNo,
                                                        String certType, String certNo, String diseCodg, String diseName, String atddrNo,
                                                        String drName, String deptCode, String deptName, String details) {
        Timestamp now = Timestamp.from(call.receivedAt());
        return new DeferredWrites.Write("""
                        insert into visit (mdtrt_id, fixmedins_code, psn_no, insutype, insured_admdvs, treatment_admdvs, kind, status,
                            med_type, begntime, ipt_otp_no, mdtrt_cert_type, mdtrt_cert_no, dise_codg, dise_name, atddr_no, dr_name,
                            dept_code, dept_name, details, created_msgid, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""",
                java.util.Arrays.asList(mdtrtId, call.fixmedinsCode(), psnNo, insutype, insuredAdmdvs, call.institutionPooling(), kind.name(),
                        status.name(), medType, begntime, iptOtpNo, certType, certNo, diseCodg, diseName, atddrNo, drName, deptCode,
                        deptName, details, call.msgid(), now, now));
    }

    /**
     * The caller's visit, locked for the rest of the transaction (calls on one visit are serialised). A
     * visit of another institution is answered exactly like one that does not exist.
     */
    Visit lockOwn(FsiCall call, String mdtrtId, String psnNo, String path) {
        return own(call, lockQuery(mdtrtId).run(jdbc), mdtrtId, psnNo, path);
    }

    /** The locking read of {@link #lockOwn}, for a caller that sends it with what it reads under the lock. */
    Pipeline.Query<Optional<Visit>> lockQuery(String mdtrtId) {
        return Pipeline.Query.of("select " + COLUMNS + " from visit where mdtrt_id = ? for update",
                rs -> rs.next() ? Optional.of(ROW.mapRow(rs, 0)) : Optional.<Visit>empty(), mdtrtId);
    }

    /** The checks of {@link #lockOwn} on a visit read by {@link #lockQuery}. */
    Visit own(FsiCall call, Optional<Visit> visit, String mdtrtId, String psnNo, String path) {
        if (visit.isEmpty() || !visit.get().fixmedinsCode().equals(call.fixmedinsCode())) {
            throw FsiRefusal.field(path + ".mdtrt_id", "就诊 " + mdtrtId + " 不存在或不属于本机构");
        }
        if (psnNo != null && !visit.get().psnNo().equals(psnNo)) {
            throw FsiRefusal.field(path + ".psn_no", "人员 " + psnNo + " 与就诊 " + mdtrtId + " 的人员不一致");
        }
        return visit.get();
    }

    void status(String mdtrtId, Status status, Instant at) {
        jdbc.sql("update visit set status = ?, updated_at = ? where mdtrt_id = ?").params(status.name(), Timestamp.from(at), mdtrtId).update();
    }

    void visitInfo(String mdtrtId, String medType, LocalDateTime begntime, String diseCodg, String diseName, String details, Instant at) {
        jdbc.sql("""
                        update visit set med_type = coalesce(?, med_type), begntime = coalesce(?, begntime), dise_codg = coalesce(?, dise_codg),
                            dise_name = coalesce(?, dise_name), details = coalesce(details, '{}'::jsonb) || coalesce(cast(? as jsonb), '{}'::jsonb),
                            updated_at = ?
                        where mdtrt_id = ?""")
                .params(medType, begntime, diseCodg, diseName, details, Timestamp.from(at), mdtrtId).update();
    }

    void discharge(String mdtrtId, LocalDateTime endtime, String diseCodg, String diseName, String dscgWay, String details, Instant at) {
        jdbc.sql("""
                        update visit set status = 'DISCHARGED', endtime = ?, dise_codg = coalesce(?, dise_codg), dise_name = coalesce(?, dise_name),
                            dscg_way = ?, details = coalesce(details, '{}'::jsonb) || coalesce(cast(? as jsonb), '{}'::jsonb), updated_at = ?
                        where mdtrt_id = ?""")
                .params(endtime, diseCodg, diseName, dscgWay, details, Timestamp.from(at), mdtrtId).update();
    }

    void undoDischarge(String mdtrtId, Instant at) {
        jdbc.sql("update visit set status = 'ADMITTED', endtime = null, dscg_way = null, updated_at = ? where mdtrt_id = ?")
                .params(Timestamp.from(at), mdtrtId).update();
    }

    void addStayDeductible(String mdtrtId, Money amount) {
        jdbc.sql("update visit set stay_deductible_used = stay_deductible_used + ? where mdtrt_id = ?")
                .params(amount.toBigDecimal(), mdtrtId).update();
    }

    /** An open admission of the person anywhere (admitted or discharged, not yet finally settled). */
    Optional<String> openAdmission(String psnNo) {
        return jdbc.sql("select mdtrt_id from visit where psn_no = ? and kind = 'INPATIENT' and status in ('ADMITTED', 'DISCHARGED') limit 1")
                .param(psnNo).query(String.class).optional();
    }

    /** Replaces the diagnoses of one stage of the visit. */
    void diagnoses(String mdtrtId, String stage, List<Diagnosis> diagnoses) {
        jdbc.sql("delete from visit_diagnosis where mdtrt_id = ? and stage = ?").params(mdtrtId, stage).update();
        int seq = 0;
        for (Diagnosis d : diagnoses) {
            jdbc.sql("""
                            insert into visit_diagnosis (mdtrt_id, seq, diag_type, diag_srt_no, diag_code, diag_name, maindiag_flag, stage)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(mdtrtId, ++seq, d.diagType(), d.srtNo(), d.code(), d.name(), d.main(), stage).update();
        }
    }

    record Diagnosis(String diagType, Integer srtNo, String code, String name, boolean main) {}

    static BigDecimal zeroIfNull(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
