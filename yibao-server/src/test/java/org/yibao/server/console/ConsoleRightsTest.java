package org.yibao.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestUsers;

/**
 * A person's rights recorded by staff on the console's person page over real HTTP, signed in with a
 * session and CSRF token as a browser: a clerk binds a family member, records a chronic recognition, a
 * referral and a family-doctor contract, and cancels them; a refusal shows the page again with the
 * message and changes nothing; a read-only user sees no forms and is refused.
 */
@IntegrationTest
class ConsoleRightsTest {

    private static final String FIRST_HOSPITAL = "H99010000001";
    private static final String CENTRAL_HOSPITAL = "H99010000002";
    private static final String EAST_CENTRE = "H99010000003";   // a community centre of the city alliance

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private PortalSession signedIn(String user) {
        PortalSession session = new PortalSession(users.port());
        assertThat(session.consoleLogin(user, TestUsers.PASSWORD).status()).isEqualTo(302);
        return session;
    }

    /** An employee with a personal account, in no binding and with no contract, different for each offset. */
    private String employee(int offset) {
        return jdbc.sql("""
                        select p.psn_no from person p join personal_account a on a.psn_no = p.psn_no
                        where p.insutype = '310' and p.insured_admdvs = '990100' and p.valid_to is null and p.status = 'NORMAL'
                          and p.psn_no not like '9901000000000000000%'
                          and not exists (select 1 from mutual_aid_binding b where b.member_psn_no = p.psn_no or b.binder_psn_no = p.psn_no)
                          and not exists (select 1 from family_doctor_contract f where f.psn_no = p.psn_no)
                          and not exists (select 1 from chronic_recognition c where c.psn_no = p.psn_no)
                        order by p.psn_no limit 1 offset ?""").param(300 + offset).query(String.class).single();
    }

    private Map<String, Object> person(String psnNo) {
        return jdbc.sql("select certno, name from person where psn_no = ? and valid_to is null").param(psnNo).query().singleRow();
    }

    private long count(String sql, String psnNo) {
        return jdbc.sql(sql).param(psnNo).query(Long.class).single();
    }

    @Test
    void aClerkRecordsABindingARecognitionAReferralAndAContractAndThePersonPageShowsThem() {
        users.clerk();
        String psn = employee(0);
        String other = employee(1);
        Map<String, Object> member = person(other);
        String page = "/persons/" + psn;
        PortalSession clerk = signedIn("clerk1");
        String form = clerk.get(page).body();
        assertThat(form).contains("id=\"bind-form\"", "id=\"chronic-form\"", "id=\"referral-form\"", "id=\"contract-form\"", "name=\"_csrf\"");

        PortalSession.Page bound = clerk.post(page, page + "/mutual-aid",
                Map.of("certno", (String) member.get("certno"), "psn_name", (String) member.get("name"), "relation", "SPOUSE"));
        assertThat(bound.status()).as(bound.body()).isEqualTo(302);
        assertThat(bound.location()).contains(page);

        PortalSession.Page recognised = clerk.post(page, page + "/chronic-recognitions",
                Map.of("opsp_dise_code", "I10.x00", "ide_fixmedins_no", FIRST_HOSPITAL));
        assertThat(recognised.status()).as(recognised.body()).isEqualTo(302);

        PortalSession.Page referred = clerk.post(page, page + "/referrals", Map.of("fixmedins_code", EAST_CENTRE,
                "reflin_medins_no", CENTRAL_HOSPITAL, "refl_type", "3", "diag_code", "I10.x00"));
        assertThat(referred.status()).as(referred.body()).isEqualTo(302);

        PortalSession.Page signed = clerk.post(page, page + "/family-doctor", Map.of("kind", "BASIC", "community_code", EAST_CENTRE));
        assertThat(signed.status()).as(signed.body()).isEqualTo(302);

        String shown = clerk.get(page).body();
        assertThat(shown).contains(other, "配偶", "I10.x00", FIRST_HOSPITAL, CENTRAL_HOSPITAL, "门诊", EAST_CENTRE, "基础签约");
        String referral = jdbc.sql("select trt_dcla_detl_sn from referral where psn_no = ?").param(psn).query(String.class).single();
        assertThat(shown).contains(referral);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'clerk1' and action = 'CREATE' and entity_key in "
                        + "(select trt_dcla_detl_sn from chronic_recognition where psn_no = ? union all select trt_dcla_detl_sn from referral where psn_no = ?)")
                .params(psn, psn).query(Long.class).single()).isEqualTo(2);

        // Cancelling from the rows: each with a reason.
        long recognition = jdbc.sql("select id from chronic_recognition where psn_no = ?").param(psn).query(Long.class).single();
        long contract = jdbc.sql("select id from family_doctor_contract where psn_no = ?").param(psn).query(Long.class).single();
        long binding = jdbc.sql("select id from mutual_aid_binding where binder_psn_no = ?").param(psn).query(Long.class).single();
        assertThat(clerk.post(page, page + "/chronic-recognitions/" + recognition + "/cancel", Map.of("memo", "误登记")).status()).isEqualTo(302);
        assertThat(clerk.post(page, page + "/referrals/" + referral + "/cancel", Map.of("memo", "患者放弃")).status()).isEqualTo(302);
        assertThat(clerk.post(page, page + "/family-doctor/" + contract + "/cancel", Map.of("reason", "迁出")).status()).isEqualTo(302);
        assertThat(clerk.post(page, page + "/mutual-aid/" + binding + "/unbind", Map.of()).status()).isEqualTo(302);
        assertThat(count("select count(*) from chronic_recognition where cancelled_at is not null and psn_no = ?", psn)).isEqualTo(1);
        assertThat(count("select count(*) from referral where cancelled_at is not null and psn_no = ?", psn)).isEqualTo(1);
        assertThat(count("select count(*) from family_doctor_contract where cancelled_at is not null and psn_no = ?", psn)).isEqualTo(1);
        assertThat(count("select count(*) from mutual_aid_binding where unbound_at is not null and binder_psn_no = ?", psn)).isEqualTo(1);
    }

    @Test
    void aRefusedFormShowsThePageAgainWithTheMessageAndChangesNothing() {
        users.clerk();
        String psn = employee(2);
        String page = "/persons/" + psn;
        PortalSession clerk = signedIn("clerk1");
        PortalSession.Page refused = clerk.post(page, page + "/referrals", Map.of("fixmedins_code", CENTRAL_HOSPITAL,
                "reflin_medins_no", CENTRAL_HOSPITAL, "refl_type", "1", "diag_code", "I10.x00"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"referrals-errors\"", "不能是本机构", "id=\"referral-reflin_medins_no-error\"");
        PortalSession.Page unknown = clerk.post(page, page + "/chronic-recognitions",
                Map.of("opsp_dise_code", "ZZ9.999", "ide_fixmedins_no", FIRST_HOSPITAL, "begndate", "not-a-date"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"chronic-begndate-error\"").contains("value=\"ZZ9.999\"");
        assertThat(count("select count(*) from referral where psn_no = ?", psn)).isZero();
        assertThat(count("select count(*) from chronic_recognition where psn_no = ?", psn)).isZero();
    }

    @Test
    void aReadOnlyUserSeesNoFormsAndIsRefused() {
        users.readOnly();
        String psn = employee(3);
        String page = "/persons/" + psn;
        PortalSession viewer = signedIn("viewer1");
        String shown = viewer.get(page).body();
        assertThat(shown).contains("name=\"_csrf\"").doesNotContain("id=\"bind-form\"", "id=\"chronic-form\"", "id=\"referral-form\"", "id=\"contract-form\"");
        assertThat(viewer.post(page, page + "/chronic-recognitions", Map.of("opsp_dise_code", "I10.x00",
                "ide_fixmedins_no", FIRST_HOSPITAL)).status()).isEqualTo(403);
        assertThat(viewer.post(page, page + "/family-doctor", Map.of("kind", "BASIC", "community_code", EAST_CENTRE)).status())
                .isEqualTo(403);
        assertThat(count("select count(*) from chronic_recognition where psn_no = ?", psn)).isZero();
        assertThat(count("select count(*) from family_doctor_contract where psn_no = ?", psn)).isZero();
    }
}
