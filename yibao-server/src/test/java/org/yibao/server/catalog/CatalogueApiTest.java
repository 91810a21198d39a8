package org.yibao.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.server.region.RefData.assertRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.region.RefData;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** R-REF-3 and R-REF-5 for the catalogue of region 970100. */
@IntegrationTest
class CatalogueApiTest {

    private static final String ITEMS = "/api/admin/catalogue/" + RefData.REGION + "/items";

    @Autowired
    TestUsers users;

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void region() {
        RefData.ensureRegion(users.admin());
    }

    private static Map<String, Object> service(String code, String lv, String selfpay, String cap) {
        Map<String, Object> body = new HashMap<>(Map.of("med_list_codg", code, "name", "测试诊查费" + code, "category", "SERVICE",
                "chrgitm_lv", lv, "selfpay_prop", new BigDecimal(selfpay), "med_chrgitm_type", "01", "validFrom", "2025-01-01"));
        if (cap != null) {
            body.put("price_cap", new BigDecimal(cap));
        }
        return body;
    }

    private long rows(String code) {
        return jdbc.sql("select count(*) from catalogue_item where admdvs = ? and med_list_codg = ?").params(RefData.REGION, code)
                .query(Long.class).single();
    }

    @Test
    void aPriceCapRaisedLaterAppliesOnlyFromItsDate() {
        String code = "97" + RefData.digits(13);
        var created = users.clerk().post(ITEMS, service(code, "02", "0.1", "20"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("selfpay_prop").decimalValue()).isEqualByComparingTo("0.1000");

        var raise = service(code, "02", "0.05", "25.5");
        raise.put("effectiveFrom", "2026-01-01");
        raise.put("per_day", true);
        assertThat(users.admin().put(ITEMS + "/" + code, raise).status()).isEqualTo(200);

        JsonNode before = users.readOnly().get(ITEMS + "/" + code + "?asOf=2025-12-31").json();
        JsonNode after = users.readOnly().get(ITEMS + "/" + code + "?asOf=2026-01-01").json();
        assertThat(before.get("price_cap").decimalValue()).isEqualByComparingTo("20");
        assertThat(before.get("per_day").asBoolean()).isFalse();
        assertThat(after.get("price_cap").decimalValue()).isEqualByComparingTo("25.5");
        assertThat(after.get("selfpay_prop").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(catalogue.item(RefData.REGION, code, LocalDate.of(2025, 6, 1)).orElseThrow().priceCap())
                .isEqualByComparingTo("20");

        JsonNode history = users.auditor().get(ITEMS + "/" + code + "/history").json();
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("audit")).hasSize(2);
        assertThat(history.get("audit").get(0).get("entityKey").asString()).isEqualTo(RefData.REGION + "/" + code);
        assertThat(history.get("audit").get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(history.get("audit").get(1).get("actor").asString()).isEqualTo("clerk1");

        var backdated = service(code, "01", "0", null);
        backdated.put("effectiveFrom", "2025-12-01");
        assertRefused(users.admin().put(ITEMS + "/" + code, backdated), "effectiveFrom", "after_current_version");
        assertThat(rows(code)).isEqualTo(2);
    }

    @Test
    void aSelfPayShareAboveOneIsRefusedAndNothingIsWritten() {
        String code = "97" + RefData.digits(13);
        assertRefused(users.admin().post(ITEMS, service(code, "02", "1.5", null)), "selfpay_prop", "range");
        assertThat(rows(code)).isZero();
    }

    @Test
    void badItemsAreRefusedFieldByField() {
        String code = "97" + RefData.digits(13);
        assertRefused(users.admin().post(ITEMS, service(code, "03", "0.5", null)), "selfpay_prop", "self_pay_level");
        assertRefused(users.admin().post(ITEMS, service(code, "02", "0.12345", null)), "selfpay_prop", "scale");
        assertRefused(users.admin().post(ITEMS, service(code, "04", "0", null)), "chrgitm_lv", "enum");
        assertRefused(users.admin().post(ITEMS, service(code, "01", "0", "0")), "price_cap", "positive");
        assertRefused(users.admin().post(ITEMS, service(code, "01", "0", "1.1234567")), "price_cap", "scale");
        var dates = service(code, "01", "0", null);
        dates.put("validFrom", "2025-02-30");
        assertRefused(users.admin().post(ITEMS, dates), "validFrom", "type");
        var restrictions = service(code, "01", "0", null);
        restrictions.put("min_age", 60);
        restrictions.put("max_age", 18);
        restrictions.put("sex_restriction", "3");
        restrictions.put("category", "FOOD");
        var reply = users.admin().post(ITEMS, restrictions);
        assertRefused(reply, "max_age", "order");
        assertRefused(reply, "sex_restriction", "enum");
        assertRefused(reply, "category", "enum");
        assertRefused(users.admin().post("/api/admin/catalogue/979996/items", service(code, "01", "0", null)), "admdvs", "exists");
        assertThat(rows(code)).isZero();
    }

    @Test
    void aDuplicateItemIsAConflictAndUnknownItemsAreNotFound() {
        String code = "97" + RefData.digits(13);
        assertThat(users.admin().post(ITEMS, service(code, "01", "0", null)).status()).isEqualTo(201);
        assertThat(users.admin().post(ITEMS, service(code, "01", "0", null)).status()).isEqualTo(409);
        assertThat(users.admin().get(ITEMS + "/97NOSUCHITEM").status()).isEqualTo(404);
        assertThat(users.admin().get(ITEMS + "/97NOSUCHITEM/history").status()).isEqualTo(404);
        assertThat(users.admin().put(ITEMS + "/97NOSUCHITEM", service("97NOSUCHITEM", "01", "0", null)).status()).isEqualTo(404);
        assertThat(users.admin().get("/api/admin/catalogue/979995/items").status()).isEqualTo(404);
    }

    @Test
    void readOnlyAndAuditorUsersCannotChangeTheCatalogueButCanReadIt() {
        String code = "97" + RefData.digits(13);
        assertThat(users.admin().post(ITEMS, service(code, "01", "0", null)).status()).isEqualTo(201);
        for (ApiClient user : new ApiClient[] {users.readOnly(), users.auditor()}) {
            assertThat(user.post(ITEMS, service("97" + RefData.digits(13), "01", "0", null)).status()).isEqualTo(403);
            assertThat(user.put(ITEMS + "/" + code, service(code, "02", "0.1", null)).status()).isEqualTo(403);
            assertThat(user.get(ITEMS + "/" + code).status()).isEqualTo(200);
        }
        assertThat(rows(code)).isEqualTo(1);
    }

    @Test
    void searchFiltersByLevelAndPages() {
        String prefix = "97P" + RefData.digits(6);
        for (int i = 0; i < 3; i++) {
            assertThat(users.admin().post(ITEMS, service(prefix + i, "03", "1", null)).status()).isEqualTo(201);
        }
        assertThat(users.admin().post(ITEMS, service(prefix + "9", "01", "0", null)).status()).isEqualTo(201);
        JsonNode page = users.readOnly().get(ITEMS + "?q=" + prefix + "&chrgitm_lv=03&size=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        assertThat(users.readOnly().get(ITEMS + "?q=" + prefix + "&size=2&page=1").json().get("items")).hasSize(2);
        assertThat(users.readOnly().get(ITEMS + "?q=" + prefix + "&asOf=2024-12-31").json().get("total").asLong()).isZero();
        assertRefused(users.readOnly().get(ITEMS + "?size=201"), "size", "max");
    }
}
