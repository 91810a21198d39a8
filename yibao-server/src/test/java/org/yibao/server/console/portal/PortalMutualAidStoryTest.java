package org.yibao.server.console.portal;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.insured.MutualAid;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-INS-1 as a family lives it: 张敏 binds her mother 王芳 in the portal, 王芳's next outpatient visit is
 * paid from 张敏's account, 张敏 sees who used it and unbinds, and the visit after that is not. Each
 * settlement is reversed and the demo world's binding put back, so that other tests see the fixtures.
 */
@IntegrationTest
class PortalMutualAidStoryTest {

    static final String ZHANG_MIN = "99010000000000000001";
    static final String WANG_FANG = "99010000000000000003";
    static final String SUN_WEI = "99010000000000000006";
    static final String CHEN_JING_CERTNO = "990100197405050521";

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;
    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutualAid mutualAid;

    @BeforeEach
    void wangFangNotYetBound() {
        mutualAid.boundMembers(ZHANG_MIN).forEach(b -> mutualAid.unbind(ZHANG_MIN, b.id()));
    }

    @AfterEach
    void demoBindingAsBefore() {
        mutualAid.boundMembers(ZHANG_MIN).forEach(b -> mutualAid.unbind(ZHANG_MIN, b.id()));
        mutualAid.bind(ZHANG_MIN, DemoPortalUsers.WANG_FANG_CERTNO, "王芳", "PARENT");
    }

    private PortalSession signedIn(String certno) {
        return DemoPortalUsers.signedIn(users.port(), properties, certno);
    }

    private PortalSession.Page bind(PortalSession s, String certno, String name, String relation) {
        PortalSession.Page reply = s.post("/portal/family", "/portal/family/bind", Map.of("certno", certno, "name", name, "relation", relation));
        assertThat(reply.location()).endsWith("/portal/family");
        return s.get("/portal/family");
    }

    private JsonNode outpatientVisitOfWangFang() {
        Visit v = new Visit(fsi.as("H99010000002"), WANG_FANG, "390");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").line("002101000010000", "1", "220.00").upload("2204").ok();
        JsonNode s = v.settle("2207", "11", true).ok().output().get("setlinfo");
        reversals.add(() -> v.reverse("2208", s.get("setl_id").asString()).ok());
        return s;
    }

    private final java.util.List<Runnable> reversals = new java.util.ArrayList<>();

    private BigDecimal balance(String psnNo) {
        return jdbc.sql("select balance from personal_account where psn_no = ?").param(psnNo).query(BigDecimal.class).single();
    }

    private long bindings() {
        return jdbc.sql("select count(*) from mutual_aid_binding").query(Long.class).single();
    }

    @Test
    void zhangMinBindsHerMotherWhoPaysFromHerAccountUntilSheUnbinds() {
        PortalSession zhang = signedIn(DemoPortalUsers.ZHANG_MIN_CERTNO);
        PortalSession.Page family = bind(zhang, DemoPortalUsers.WANG_FANG_CERTNO, "王芳", "PARENT");
        assertThat(family.body()).contains("已绑定 王芳").contains("id=\"members\"");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'BIND' and entity_type = 'mutual_aid_binding' and actor = ?")
                .param(ZHANG_MIN).query(Long.class).single()).isPositive();
        PortalSession wang = signedIn(DemoPortalUsers.WANG_FANG_CERTNO);
        assertThat(wang.get("/portal/family").body()).contains("id=\"bound-to\"").contains("张敏（您是其父母）");

        try {
            BigDecimal before = balance(ZHANG_MIN);
            JsonNode first = outpatientVisitOfWangFang();
            BigDecimal mulaid = first.get("acct_mulaid_pay").decimalValue();
            assertThat(mulaid).isPositive();
            assertThat(balance(ZHANG_MIN)).isEqualByComparingTo(before.subtract(mulaid));

            // "Who used my account": the day, 王芳 and the amount; nothing about the visit itself.
            String usage = zhang.get("/portal/family").body();
            Matcher row = Pattern.compile("id=\"usage\".*?<td>(\\d{4}-\\d{2}-\\d{2})</td><td>王芳</td>\\s*<td class=\"num\">([\\d.]+)</td>",
                    Pattern.DOTALL).matcher(usage);
            assertThat(row.find()).as("a usage row in %s", usage).isTrue();
            assertThat(row.group(1)).isEqualTo(LocalDate.now(BusinessTime.ZONE).toString());
            assertThat(new BigDecimal(row.group(2))).isEqualByComparingTo(mulaid);
            assertThat(usage).doesNotContain("示范市中心医院").doesNotContain("诊断");

            // Unbinding is immediate: the next visit is paid by 王芳 herself.
            long bindingId = mutualAid.boundMembers(ZHANG_MIN).get(0).id();
            PortalSession.Page unbound = zhang.post("/portal/family", "/portal/family/" + bindingId + "/unbind", Map.of());
            assertThat(unbound.location()).endsWith("/portal/family");
            assertThat(zhang.get("/portal/family").body()).contains("已解除绑定").doesNotContain("id=\"members\"");
            BigDecimal afterFirst = balance(ZHANG_MIN);
            JsonNode second = outpatientVisitOfWangFang();
            assertThat(second.get("acct_mulaid_pay").decimalValue()).isZero();
            assertThat(second.get("acct_pay").decimalValue()).isZero();
            assertThat(balance(ZHANG_MIN)).isEqualByComparingTo(afterFirst);
            assertThat(wang.get("/portal/family").body()).doesNotContain("id=\"bound-to\"");
        } finally {
            java.util.Collections.reverse(reversals);
            reversals.forEach(Runnable::run);
        }
    }

    @Test
    void badBindingsAreRefusedWithTheReasonAndChangeNothing() {
        PortalSession zhang = signedIn(DemoPortalUsers.ZHANG_MIN_CERTNO);
        long before = bindings();
        assertThat(bind(zhang, DemoPortalUsers.ZHANG_MIN_CERTNO, "张敏", "CHILD").body()).contains("不能绑定本人");
        assertThat(bind(zhang, DemoPortalUsers.WANG_FANG_CERTNO, "王小芳", "PARENT").body()).contains("身份证号与姓名不匹配");
        assertThat(bind(zhang, "110101199001011234", "王芳", "PARENT").body()).contains("身份证号与姓名不匹配");
        PortalSession.Page cousin = bind(zhang, DemoPortalUsers.WANG_FANG_CERTNO, "王芳", "COUSIN");
        assertThat(cousin.body()).contains("关系只能是配偶、父母或子女");
        PortalSession wang = signedIn(DemoPortalUsers.WANG_FANG_CERTNO);
        assertThat(wang.get("/portal/family").body()).doesNotContain("id=\"bind-form\"");
        assertThat(bind(wang, DemoPortalUsers.ZHANG_MIN_CERTNO, "张敏", "CHILD").body()).contains("只有有个人账户的职工医保参保人才能绑定");
        assertThat(bindings()).isEqualTo(before);

        assertThat(bind(zhang, DemoPortalUsers.WANG_FANG_CERTNO, "王芳", "PARENT").body()).contains("已绑定 王芳");
        assertThat(bind(zhang, DemoPortalUsers.WANG_FANG_CERTNO, "王芳", "PARENT").body()).contains("已与您的账户绑定，无需重复绑定");
        assertThat(bindings()).isEqualTo(before + 1);
        // In English too.
        assertThat(zhang.get("/portal/family?lang=en").body()).contains("Who used my account").contains("Family members I bound");
    }

    @Test
    void staffBindAndUnbindThroughTheAdminApiUnderTheSameRules() {
        var clerk = users.clerk();
        var created = clerk.post("/api/admin/persons/" + SUN_WEI + "/mutual-aid", Map.of("certno", CHEN_JING_CERTNO,
                "psn_name", "陈静", "relation", "SPOUSE"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(clerk.get("/api/admin/persons/" + SUN_WEI + "/mutual-aid").json().get("bound_members").toString()).contains("陈静");
        assertThat(clerk.post("/api/admin/persons/" + SUN_WEI + "/mutual-aid", Map.of("certno", CHEN_JING_CERTNO,
                "psn_name", "陈静", "relation", "SPOUSE")).status()).isEqualTo(409);
        assertThat(clerk.post("/api/admin/persons/" + SUN_WEI + "/mutual-aid", Map.of("certno", CHEN_JING_CERTNO,
                "psn_name", "陈小静", "relation", "SPOUSE")).status()).isEqualTo(400);
        assertThat(users.readOnly().post("/api/admin/persons/" + SUN_WEI + "/mutual-aid", Map.of("certno", CHEN_JING_CERTNO,
                "psn_name", "陈静", "relation", "SPOUSE")).status()).isEqualTo(403);
        assertThat(users.readOnly().delete("/api/admin/persons/" + SUN_WEI + "/mutual-aid/" + id).status()).isEqualTo(403);
        assertThat(clerk.delete("/api/admin/persons/" + SUN_WEI + "/mutual-aid/" + id).status()).isEqualTo(204);
        assertThat(clerk.delete("/api/admin/persons/" + SUN_WEI + "/mutual-aid/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("select string_agg(action || ':' || actor, ',' order by id) from audit_log where entity_type = 'mutual_aid_binding' and entity_key = ?")
                .param(Long.toString(id)).query(String.class).single()).isEqualTo("BIND:clerk1,UNBIND:clerk1");
    }

    @Test
    void electronicCredentialFromThePortalIdentifiesTheHolderIn1101AndAtRegistration() {
        PortalSession zhang = signedIn(DemoPortalUsers.ZHANG_MIN_CERTNO);
        assertThat(zhang.post("/portal/credential", "/portal/credential", Map.of()).location()).endsWith("/portal/credential");
        Matcher m = Pattern.compile("id=\"token\">(EC[A-Z0-9]+)<").matcher(zhang.get("/portal/credential").body());
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        FsiClient his = fsi.as("H99010000003");
        JsonNode info = his.call("1101", Map.of("data", Map.of("mdtrt_cert_type", "01", "mdtrt_cert_no", token))).ok().output();
        assertThat(info.get("baseinfo").get("psn_no").asString()).isEqualTo(ZHANG_MIN);
        assertThat(his.call("1101", Map.of("data", Map.of("mdtrt_cert_type", "01", "mdtrt_cert_no", "ECNOSUCHTOKEN")))
                .refused().errMsg()).contains("未找到");

        // Registration checks the credential names the person registered.
        assertThat(his.call("2201", registration(WANG_FANG, "390", token)).refused().errMsg()).contains("医保电子凭证");
        String mdtrtId = his.call("2201", registration(ZHANG_MIN, "310", token)).ok().output().get("data").get("mdtrt_id").asString();
        his.call("2202", Map.of("data", Map.of("mdtrt_id", mdtrtId, "psn_no", ZHANG_MIN))).ok();
    }

    private static Map<String, Object> registration(String psnNo, String insutype, String token) {
        return Map.of("data", Map.of("psn_no", psnNo, "insutype", insutype, "begntime", Visit.now(),
                "mdtrt_cert_type", "01", "mdtrt_cert_no", token, "ipt_otp_no", "EC" + System.nanoTime()));
    }
}
