package org.yibao.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.InstitutionApiClient;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-PAY-7 through May 2030 (used by no other clock test) at 示范市城东社区卫生服务中心: settlements (one
 * reversed) and April's capitation make the May statement; it is issued once the month is over, by an
 * administrator, once; its totals reconcile with 3201; the payable is paid out by a balanced ledger
 * posting; the capitation is not cleared twice; the statement downloads as .xlsx with the same figures.
 */
@ClockControlledTest
class ClearingStoryTest {

    static final String CENTRE = DemoCast.EAST_COMMUNITY_CENTRE;

    @Autowired
    TestClock clock;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private JsonNode visit(TestPersons.Registered p, String insutype, boolean acct) {
        Visit v = new Visit(fsi.as(CENTRE), p.psnNo(), insutype);
        v.register().ok();
        v.line("001101000010000", "10", "20.00").upload("2204").ok();
        JsonNode s = v.settle("2207", "11", acct).ok().output().get("setlinfo");
        return s;
    }

    private long postings(String type) {
        return jdbc.sql("select count(*) from ledger_posting where source_type = ?").param(type).query(Long.class).single();
    }

    @Test
    void mayIsClearedOnceReconcilesWith3201AndIsPaidOutInTheLedger() throws IOException {
        clock.setDay(LocalDate.of(2030, 4, 10));
        TestPersons persons = new TestPersons(users, jdbc);
        TestPersons.Registered contracted = persons.resident("清算签约", LocalDate.of(1958, 6, 7));
        var signed = new InstitutionApiClient(users.port(), fsi.as(CENTRE)).post("/inst/api/family-doctor/contracts",
                Map.of("psn_no", contracted.psnNo(), "kind", "BASIC"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);

        clock.setDay(LocalDate.of(2030, 5, 6));
        var capitation = users.admin().post("/api/admin/capitation/2030-04/run", Map.of());
        assertThat(capitation.status()).as(capitation.body()).isEqualTo(200);
        BigDecimal capitated = BigDecimal.ZERO;
        for (JsonNode r : capitation.json()) {
            if (r.get("fixmedins_code").asString().equals(CENTRE)) {
                capitated = r.get("payment").get("net").decimalValue();
            }
        }
        assertThat(capitated.signum()).as("the centre is paid April's capitation").isPositive();

        TestPersons.Registered resident = persons.resident("清算居民", LocalDate.of(1966, 1, 2));
        TestPersons.Registered employee = persons.employee("清算职工", LocalDate.of(1980, 3, 4), "500.00");
        JsonNode a = visit(resident, "390", false);
        JsonNode b = visit(employee, "310", true);
        clock.setDay(LocalDate.of(2030, 5, 20));
        JsonNode c = visit(resident, "390", false);
        FsiClient his = fsi.as(CENTRE);
        assertThat(his.call("2208", Map.of("data", Map.of("setl_id", c.get("setl_id").asString(), "mdtrt_id",
                c.get("mdtrt_id").asString(), "psn_no", resident.psnNo()))).infcode()).isZero();

        // Not before the month is over.
        assertThat(users.admin().post("/api/admin/clearing/2030-05/issue", Map.of()).status()).isEqualTo(409);

        clock.setDay(LocalDate.of(2030, 6, 2));
        JsonNode preview = users.readOnly().get("/api/admin/clearing/2030-05/" + CENTRE).json();
        assertThat(preview.get("issued").asBoolean()).isFalse();
        JsonNode line = null;
        for (JsonNode l : preview.get("lines")) {
            if (l.get("setl_optins").asString().equals("990100")) {
                line = l;
            }
        }
        assertThat(line).isNotNull();
        BigDecimal fund = a.get("fund_pay_sumamt").decimalValue().add(b.get("fund_pay_sumamt").decimalValue());
        BigDecimal acct = b.get("acct_pay").decimalValue();
        BigDecimal medfee = a.get("medfee_sumamt").decimalValue().add(b.get("medfee_sumamt").decimalValue());
        assertThat(acct.signum()).isPositive();
        assertThat(line.get("settlements").asLong()).isEqualTo(2);
        assertThat(line.get("fund_pay_sumamt").decimalValue()).isEqualByComparingTo(fund);
        assertThat(line.get("acct_pay").decimalValue()).isEqualByComparingTo(acct);
        assertThat(line.get("medfee_sumamt").decimalValue()).isEqualByComparingTo(medfee);
        assertThat(preview.get("adjustments")).hasSize(1);
        assertThat(preview.get("adjustments").get(0).get("kind").asString()).isEqualTo("CAPITATION");
        BigDecimal payable = fund.add(acct).add(capitated);
        assertThat(preview.get("payable").decimalValue()).isEqualByComparingTo(payable);

        // 3201 with the statement's totals reconciles.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("setl_optins", "990100");
        data.put("stmt_begndate", "2030-05-01");
        data.put("stmt_enddate", "2030-05-31");
        data.put("medfee_sumamt", line.get("medfee_sumamt").decimalValue());
        data.put("fund_pay_sumamt", line.get("fund_pay_sumamt").decimalValue());
        data.put("acct_pay", line.get("acct_pay").decimalValue());
        data.put("fixmedins_setl_cnt", line.get("settlements").asLong());
        assertThat(his.call("3201", Map.of("data", data)).ok().output().get("stmtinfo").get("stmt_rslt").asString()).isEqualTo("0");

        // Issued by administrators only, once, paid out in balance.
        long before = postings("CLEARING");
        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly())) {
            assertThat(who.post("/api/admin/clearing/2030-05/issue", Map.of()).status()).isEqualTo(403);
        }
        assertThat(postings("CLEARING")).isEqualTo(before);
        assertThat(users.admin().post("/api/admin/clearing/2030-05/issue", Map.of()).status()).isEqualTo(200);
        JsonNode issued = users.readOnly().get("/api/admin/clearing/2030-05/" + CENTRE).json();
        assertThat(issued.get("issued").asBoolean()).isTrue();
        assertThat(issued.get("payable").decimalValue()).isEqualByComparingTo(payable);
        long posting = issued.get("postings").get("990100").asLong();
        assertThat(jdbc.sql("select amount from ledger_entry where posting_id = ? and account = 'INSTITUTION_PAYMENTS' and sub_account = ?")
                .params(posting, CENTRE).query(BigDecimal.class).single()).isEqualByComparingTo(payable.negate());
        assertThat(jdbc.sql("select sum(amount) from ledger_entry where posting_id = ?").param(posting).query(BigDecimal.class).single())
                .isEqualByComparingTo("0");
        long after = postings("CLEARING");
        assertThat(users.admin().post("/api/admin/clearing/2030-05/issue", Map.of()).status()).isEqualTo(200);
        assertThat(postings("CLEARING")).isEqualTo(after);
        // The capitation is cleared: June's preview does not carry it again.
        assertThat(users.readOnly().get("/api/admin/clearing/2030-06/" + CENTRE).json().get("adjustments")).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'clearing_statement' and entity_key = ?")
                .param(CENTRE + "/2030-05").query(Long.class).single()).isEqualTo(1);

        // The .xlsx carries the same payable; the printable page shows it.
        byte[] xlsx = users.readOnly().download("/api/admin/clearing/2030-05/" + CENTRE + ".xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            Row last = rows.get(rows.size() - 1);
            assertThat(last.getCellText(0)).contains("本月应拨付");
            assertThat(last.getCellAsNumber(7).orElseThrow()).isEqualByComparingTo(payable);
        }
        String page = users.readOnly().get("/clearing/2030-05/" + CENTRE).body();
        assertThat(page).contains("月度清算单", "id=\"statement-payable\"", "已出具");
    }
}
