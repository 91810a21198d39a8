package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;

/**
 * No institution can read, settle or reverse another institution's visit or settlement: every
 * transaction that names a visit, a settlement or an earlier message is sent, validly signed, by
 * another institution naming the owner's; each is refused without saying anything about it, and
 * nothing changes.
 */
@IntegrationTest
class InstitutionIsolationTest {

    private static final String CLINIC = "H99010000004";
    private static final String HOSPITAL = "H99010000001";

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private List<String> residents() {
        return jdbc.sql("""
                        select psn_no from person p where insutype = '390' and insured_admdvs = '990100' and valid_to is null
                          and status = 'NORMAL' and psn_no not like '9901000000000000000%'
                          and not exists (select 1 from mutual_aid_binding b where b.member_psn_no = p.psn_no)
                        order by psn_no limit 4 offset 400""").query(String.class).list();
    }

    /** Everything a stranger's call could change, for the owner's visits. */
    private List<Object> state(List<String> visits) {
        String[] ids = visits.toArray(String[]::new);
        List<Object> state = new ArrayList<>();
        state.add(jdbc.sql("select string_agg(mdtrt_id || ':' || status || ':' || coalesce(endtime::text, '') || ':' || "
                + "coalesce(med_type, ''), ',' order by mdtrt_id) from visit where mdtrt_id = any(?)").param(ids).query(String.class).single());
        state.add(jdbc.sql("select count(*) || '/' || coalesce(sum(case when cancelled then 1 else 0 end), 0) || '/' || "
                + "count(setl_id) from fee_line where mdtrt_id = any(?)").param(ids).query(String.class).single());
        state.add(jdbc.sql("select count(*) || '/' || count(reversed_by) from settlement where mdtrt_id = any(?)").param(ids)
                .query(String.class).single());
        state.add(jdbc.sql("select count(*) from case_record where mdtrt_id = any(?)").param(ids).query(Long.class).single());
        state.add(jdbc.sql("select count(*) from ledger_posting where source_id in (select setl_id from settlement where mdtrt_id = any(?))")
                .param(ids).query(Long.class).single());
        state.add(jdbc.sql("select coalesce(sum(amount), 0) from accumulator where psn_no in (select psn_no from visit where mdtrt_id = any(?))")
                .param(ids).query(java.math.BigDecimal.class).single());
        return state;
    }

    @Test
    void anotherInstitutionCanNeitherReadNorSettleNorReverseAVisitOrSettlementThatIsNotItsOwn() {
        List<String> psn = residents();
        // The clinic's settled visit and its visit with fees waiting.
        Visit settled = new Visit(fsi.as(CLINIC), psn.get(0), "390");
        settled.register().ok();
        settled.line("001101000010000", "1", "20.00").upload("2204").ok();
        FsiClient.Reply settlement = settled.settle("2207", "11", false).ok();
        String setlId = settlement.output().get("setlinfo").get("setl_id").asString();
        Visit open = new Visit(fsi.as(CLINIC), psn.get(1), "390");
        open.register().ok();
        open.line("001101000010000", "2", "20.00").upload("2204").ok();
        // The hospital's settled stay and its discharged stay waiting for settlement.
        Visit stay = new Visit(fsi.as(HOSPITAL), psn.get(2), "390");
        stay.admit("21", "K35.800").ok();
        stay.line("003102000010000", "1", "300.00").upload("2301").ok();
        stay.discharge().ok();
        String staySetlId = stay.settle("2304", "21", false).ok().output().get("setlinfo").get("setl_id").asString();
        Visit waiting = new Visit(fsi.as(HOSPITAL), psn.get(3), "390");
        waiting.admit("21", "K35.800").ok();
        waiting.line("003102000010000", "1", "300.00").upload("2301").ok();
        waiting.discharge().ok();
        // The msgid the clinic used for its 2207 (what 2601 names).
        String ownMsgid = jdbc.sql("select created_msgid from visit where mdtrt_id = ?").param(settled.mdtrtId).query(String.class).single();
        String settleMsgidOfClinic = jdbc.sql("select medins_setl_id from settlement where setl_id = ?").param(setlId)
                .query(String.class).single();

        List<String> visits = List.of(settled.mdtrtId, open.mdtrtId, stay.mdtrtId, waiting.mdtrtId);
        List<Object> before = state(visits);

        // Strangers: another clinic and another hospital of the same region, validly signed.
        FsiClient clinic = fsi.as("H99010000003");
        FsiClient hospital = fsi.as("H99010000002");
        Visit strangerOpen = new Visit(clinic, open.psnNo, "390");
        strangerOpen.mdtrtId = open.mdtrtId;
        strangerOpen.uploadResult = open.uploadResult;
        Visit strangerStay = new Visit(hospital, waiting.psnNo, "390");
        strangerStay.mdtrtId = waiting.mdtrtId;
        strangerStay.uploadResult = waiting.uploadResult;

        Map<String, FsiClient.Reply> replies = new LinkedHashMap<>();
        replies.put("2202", clinic.call("2202", Map.of("data", Map.of("mdtrt_id", open.mdtrtId, "psn_no", open.psnNo, "ipt_otp_no", "x"))));
        for (String infno : List.of("2203", "2203A")) {
            replies.put(infno, clinic.call(infno, Map.of("mdtrtinfo", Map.of("mdtrt_id", open.mdtrtId, "psn_no", open.psnNo, "med_type", "11"))));
        }
        replies.put("2204", strangerOpen.line("001101000010000", "1", "20.00").upload("2204"));
        replies.put("2205", clinic.call("2205", Map.of("data", Map.of("mdtrt_id", open.mdtrtId, "psn_no", open.psnNo, "chrg_bchno", "0000"))));
        for (String infno : List.of("2206", "2206A", "2207", "2207A")) {
            replies.put(infno, strangerOpen.settle(infno, "11", false));
        }
        replies.put("2208", clinic.call("2208", Map.of("data", Map.of("setl_id", setlId, "mdtrt_id", settled.mdtrtId, "psn_no", settled.psnNo))));
        replies.put("5203", clinic.call("5203", Map.of("data", Map.of("setl_id", setlId, "psn_no", settled.psnNo))));
        replies.put("2601", clinic.call("2601", Map.of("data", Map.of("psn_no", settled.psnNo, "omsgid", settleMsgidOfClinic, "oinfno", "2207"))));
        replies.put("2601 (2201)", clinic.call("2601", Map.of("data", Map.of("psn_no", settled.psnNo, "omsgid", ownMsgid, "oinfno", "2201"))));
        replies.put("2301", strangerStay.line("003102000010000", "1", "300.00").upload("2301"));
        replies.put("2302", hospital.call("2302", Map.of("data", Map.of("mdtrt_id", waiting.mdtrtId, "psn_no", waiting.psnNo, "feedetl_sn", "0000"))));
        for (String infno : List.of("2303", "2304")) {
            replies.put(infno, strangerStay.settle(infno, "21", false));
        }
        replies.put("2305", hospital.call("2305", Map.of("data", Map.of("setl_id", staySetlId, "mdtrt_id", stay.mdtrtId, "psn_no", stay.psnNo))));
        replies.put("2402", hospital.call("2402", Map.of("dscginfo", Map.of("mdtrt_id", waiting.mdtrtId, "psn_no", waiting.psnNo,
                "endtime", Visit.now()))));
        replies.put("2403", hospital.call("2403", Map.of("adminfo", Map.of("mdtrt_id", waiting.mdtrtId, "psn_no", waiting.psnNo, "med_type", "22"))));
        replies.put("2404", hospital.call("2404", Map.of("data", Map.of("mdtrt_id", waiting.mdtrtId, "psn_no", waiting.psnNo))));
        replies.put("2405", hospital.call("2405", Map.of("data", Map.of("mdtrt_id", waiting.mdtrtId, "psn_no", waiting.psnNo))));
        for (String infno : List.of("4101", "4101A")) {
            replies.put(infno, hospital.call(infno, Map.of("setlinfo", Map.of("psn_no", stay.psnNo, "mdtrt_id", stay.mdtrtId, "setl_id", staySetlId),
                    "diseinfo", List.of(Map.of("diag_code", "K35.800", "maindiag_flag", "1")))));
        }

        String personName = jdbc.sql("select name from person where psn_no = ? and valid_to is null").param(settled.psnNo)
                .query(String.class).single();
        replies.forEach((infno, reply) -> {
            reply.refused();
            assertThat(reply.errMsg()).as(infno).containsAnyOf("不属于本机构", "不存在", "本机构没有");
            assertThat(reply.json().get("output").isNull()).as(infno).isTrue();
            assertThat(reply.text()).as(infno).doesNotContain(personName);
        });
        assertThat(replies).hasSize(24);
        assertThat(state(visits)).isEqualTo(before);

        // The owners still can: the visits are intact, not merely unreachable.
        open.settle("2207", "11", false).ok();
        waiting.settle("2304", "21", false).ok();
    }
}
