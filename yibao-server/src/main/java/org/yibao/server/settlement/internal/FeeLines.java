package org.yibao.server.settlement.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.platform.db.DeferredWrites;
import org.yibao.server.platform.db.Pipeline;
import org.springframework.stereotype.Component;
import org.yibao.engine.benefit.FeeLine;
import org.yibao.engine.benefit.LineResult;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.UnitPrice;

/** Fee lines (费用明细) of visits, table {@code fee_line}. */
@Component
class FeeLines {

    /** A line as uploaded, with the fields the engine needs and where it came from. */
    record Stored(FeeLine line, String chrgBchno, String medinsListCodg, String memo, String bilgDeptCodg, String bilgDrCodg,
                  String uploadedMsgid, String setlId) {}

    private static final String COLUMNS = "feedetl_sn, med_list_codg, fee_ocur_time, cnt, pric, det_item_fee_sumamt, hosp_appr_flag, "
            + "init_feedetl_sn, prd_days, chrg_bchno, medins_list_codg, memo, bilg_dept_codg, bilg_dr_codg, uploaded_msgid, setl_id";
    private static final RowMapper<Stored> ROW = (rs, n) -> new Stored(new FeeLine(rs.getString(1), rs.getString(2),
            rs.getObject(3, LocalDateTime.class), Quantity.of(rs.getBigDecimal(4)), UnitPrice.of(rs.getBigDecimal(5)),
            Money.of(rs.getBigDecimal(6)), rs.getBoolean(7), rs.getString(8), rs.getObject(9, Integer.class)),
            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
            rs.getString(16));

    private final JdbcClient jdbc;
    private final DeferredWrites deferred;

    FeeLines(JdbcClient jdbc, DeferredWrites deferred) {
        this.jdbc = jdbc;
        this.deferred = deferred;
    }

    /** Lines not cancelled (settled or not), in upload order. */
    List<Stored> active(String mdtrtId) {
        return activeQuery(mdtrtId).run(jdbc);
    }

    /** The query of {@link #active}, for a caller that sends it with others ({@link Pipeline}). */
    Pipeline.Query<List<Stored>> activeQuery(String mdtrtId) {
        return Pipeline.Query.of("select " + COLUMNS + " from fee_line where mdtrt_id = ? and not cancelled order by uploaded_at, feedetl_sn",
                new RowMapperResultSetExtractor<>(ROW), mdtrtId);
    }

    /**
     * For an upload, in one query: the visit's lines not cancelled, in upload order, and which of
     * {@code serials} the visit ever used (cancelled lines included: a serial number is not reused).
     */
    Pipeline.Query<UploadView> forUploadQuery(String mdtrtId, java.util.Collection<String> serials) {
        return Pipeline.Query.of("select " + COLUMNS + ", cancelled, feedetl_sn = any(?) from fee_line where mdtrt_id = ? "
                        + "and (not cancelled or feedetl_sn = any(?)) order by uploaded_at, feedetl_sn", rs -> {
                    List<Stored> active = new ArrayList<>();
                    List<String> used = new ArrayList<>();
                    while (rs.next()) {
                        if (!rs.getBoolean(17)) {
                            active.add(ROW.mapRow(rs, 0));
                        }
                        if (rs.getBoolean(18)) {
                            used.add(rs.getString(1));
                        }
                    }
                    return new UploadView(active, used);
                }, serials.toArray(String[]::new), mdtrtId, serials.toArray(String[]::new));
    }

    record UploadView(List<Stored> active, List<String> usedSerials) {}

    void insert(String mdtrtId, List<Stored> lines, List<LineResult> splits, Instant at) {
        Timestamp uploadedAt = Timestamp.from(at);
        int chunk = 200;
        for (int from = 0; from < lines.size(); from += chunk) {
            int to = Math.min(lines.size(), from + chunk);
            StringBuilder sql = new StringBuilder("""
                    insert into fee_line (mdtrt_id, feedetl_sn, chrg_bchno, init_feedetl_sn, med_list_codg, medins_list_codg,
                        fee_ocur_time, cnt, pric, det_item_fee_sumamt, prd_days, hosp_appr_flag, memo, bilg_dept_codg, bilg_dr_codg,
                        pric_uplmt_amt, selfpay_prop, fulamt_ownpay_amt, overlmt_amt, preselfpay_amt, inscp_scp_amt, chrgitm_lv,
                        lmt_used_flag, result_memo, uploaded_msgid, uploaded_at) values""");
            List<Object> params = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Stored s = lines.get(i);
                FeeLine l = s.line();
                LineResult r = splits.get(i);
                sql.append(i == from ? " " : ", ").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                params.add(mdtrtId);
                params.add(l.feedetlSn());
                params.add(s.chrgBchno());
                params.add(l.initFeedetlSn());
                params.add(l.medListCodg());
                params.add(s.medinsListCodg());
                params.add(l.serviceDate());
                params.add(l.cnt().toBigDecimal());
                params.add(l.pric().toBigDecimal());
                params.add(l.sumamt().toBigDecimal());
                params.add(l.prdDays());
                params.add(l.hospApprFlag());
                params.add(s.memo());
                params.add(s.bilgDeptCodg());
                params.add(s.bilgDrCodg());
                params.add(r.pricUplmtAmt() == null ? null : r.pricUplmtAmt().toBigDecimal());
                params.add(r.selfpayProp().toBigDecimal());
                params.add(r.fulamtOwnpayAmt().toBigDecimal());
                params.add(r.overlmtAmt().toBigDecimal());
                params.add(r.preselfpayAmt().toBigDecimal());
                params.add(r.inscpScpAmt().toBigDecimal());
                params.add(r.chrgitmLv());
                params.add(r.lmtUsedFlag());
                params.add(r.memo().isEmpty() ? null : r.memo());
                params.add(s.uploadedMsgid());
                params.add(uploadedAt);
            }
            // The upload's last write: sent with the call's reply row and commit (DeferredWrites).
            deferred.write(sql.toString(), params);
        }
    }

    /** Cancels unsettled lines: all, one batch ({@code chrg_bchno}), one serial, or one upload (by msgid). */
    int cancel(String mdtrtId, String chrgBchno, String feedetlSn, String uploadedMsgid) {
        return jdbc.sql("""
                        update fee_line set cancelled = true
                        where mdtrt_id = ? and setl_id is null and not cancelled
                          and (cast(? as varchar) is null or chrg_bchno = ?)
                          and (cast(? as varchar) is null or feedetl_sn = ?)
                          and (cast(? as varchar) is null or uploaded_msgid = ?)""")
                .params(mdtrtId, chrgBchno, chrgBchno, feedetlSn, feedetlSn, uploadedMsgid, uploadedMsgid).update();
    }

    void settled(String mdtrtId, List<String> serials, String setlId) {
        jdbc.sql("update fee_line set setl_id = ? where mdtrt_id = ? and feedetl_sn = any(?)")
                .params(setlId, mdtrtId, serials.toArray(String[]::new)).update();
    }

    /**
     * After a reversal the lines may be settled again; which lines the reversed settlement covered is
     * kept in {@code settlement_released_line} (the view {@code settlement_fee_line} reads both).
     */
    void unsettled(String setlId) {
        jdbc.sql("""
                        with released as (update fee_line set setl_id = null where setl_id = ? returning mdtrt_id, feedetl_sn)
                        insert into settlement_released_line (setl_id, mdtrt_id, feedetl_sn) select ?, mdtrt_id, feedetl_sn from released""")
                .params(setlId, setlId).update();
    }
}
