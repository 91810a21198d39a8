package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.support.FsiClients;
import tools.jackson.databind.JsonNode;

/**
 * R-INS-3 long prescriptions at fee upload (2204): a recognised chronic patient may get up to 90 days of
 * a chronic drug, anyone else (and any other drug) up to 30; more is noted on the line's {@code memo},
 * never refused, and the amounts do not change.
 */
@IntegrationTest
class LongPrescriptionTest {

    static final String METFORMIN = "XA10BAE054A001010101001";   // chronic drug, long prescription allowed
    static final String VALSARTAN = "XC09CAL100A001010101002";   // chronic drug, long prescription allowed
    static final String CONSULTATION = "001101000010000";

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private JsonNode upload(String psnNo, String insutype, Object[][] lines) {
        Visit v = new Visit(fsi.as(DemoCast.EAST_COMMUNITY_CENTRE), psnNo, insutype);
        v.register().ok();
        for (Object[] l : lines) {
            v.line((String) l[0], "1", "20.00");
            v.lines.get(v.lines.size() - 1).put("prd_days", l[1]);
        }
        JsonNode result = v.upload("2204").ok().output().get("result");
        fsi.as(DemoCast.EAST_COMMUNITY_CENTRE).call("2202", Map.of("data", Map.of("mdtrt_id", v.mdtrtId, "psn_no", psnNo))).ok();
        return result;
    }

    private static String memo(JsonNode line) {
        return line.path("memo").isNull() ? "" : line.path("memo").asString("");
    }

    @Test
    void aRecognisedDiabeticMayHaveNinetyDaysOfHerChronicDrugsButThirtyOfAnythingElse() {
        // 李强: type-2 diabetes (E11.900) recognised in the demo world.
        JsonNode r = upload(DemoCast.LI_QIANG, "310", new Object[][] {{METFORMIN, 90}, {METFORMIN, 91}, {CONSULTATION, 31}});
        assertThat(memo(r.get(0))).isEmpty();
        assertThat(memo(r.get(1))).contains("用药天数 91 天超过最长 90 天", "仅作提示");
        assertThat(memo(r.get(2))).contains("用药天数 31 天超过最长 30 天");
        // A note only: the line's money is unchanged.
        assertThat(r.get(1).get("inscp_scp_amt").decimalValue()).isEqualByComparingTo(r.get(0).get("inscp_scp_amt").decimalValue());
    }

    @Test
    void withoutARecognitionThirtyDaysIsTheLimitEvenForAChronicDrug() {
        String resident = jdbc.sql("""
                        select psn_no from person p where insutype = '390' and insured_admdvs = '990100' and valid_to is null
                          and status = 'NORMAL' and psn_no not like '9901000000000000000%'
                          and not exists (select 1 from chronic_recognition c where c.psn_no = p.psn_no)
                        order by psn_no limit 1 offset 211""").query(String.class).single();
        JsonNode r = upload(resident, "390", new Object[][] {{VALSARTAN, 30}, {VALSARTAN, 60}});
        assertThat(memo(r.get(0))).isEmpty();
        assertThat(memo(r.get(1))).contains("用药天数 60 天超过最长 30 天");
    }
}
