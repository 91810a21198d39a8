package org.yibao.server.console;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The few demo-world rows the console tests rely on (R-DEMO §2: 示范市, 张敏, some institutions).
 * Each insert only happens when the row is missing, so that once the demo-world loader has created
 * them these statements do nothing and no second version of a region or person appears.
 */
final class ConsoleFixtures {

    static final String ZHANG_MIN = "99010000000000000001";
    static final String ZHANG_MIN_NAME = "张敏";
    static final String ZHANG_MIN_CERTNO = "990100198103150126";

    private ConsoleFixtures() {}

    static void ensure(JdbcClient jdbc) {
        jdbc.sql("""
                insert into region (admdvs, valid_from, name, province_admdvs, pooling_admdvs, inpatient_payment, recorded_at, recorded_by)
                select '990100', date '2025-01-01', '示范市', '990000', '990100', 'DRG', now(), 'system'
                where not exists (select 1 from region where admdvs = '990100')
                on conflict do nothing
                """).update();
        institution(jdbc, "H99010000001", "示范市第一人民医院", 3, "HOSPITAL", true);
        institution(jdbc, "H99010000003", "示范市城东社区卫生服务中心", 1, "COMMUNITY", false);
        institution(jdbc, "P99010000001", "示范大药房", null, "PHARMACY", false);
        jdbc.sql("""
                insert into person (psn_no, valid_from, certno, name, gend, brdy, insutype, psn_type, insured_admdvs,
                                    residence_admdvs, insu_date, recorded_at, recorded_by)
                select ?, date '2025-01-01', ?, ?, '2', date '1981-03-15', '310', '1101', '990100', '990100',
                       date '2010-01-01', now(), 'system'
                where not exists (select 1 from person where psn_no = ?)
                on conflict do nothing
                """).params(ZHANG_MIN, ZHANG_MIN_CERTNO, ZHANG_MIN_NAME, ZHANG_MIN).update();
        jdbc.sql("""
                insert into personal_account (psn_no, admdvs, balance, updated_at)
                values (?, '990100', 3000.00, now()) on conflict do nothing
                """).param(ZHANG_MIN).update();
    }

    private static void institution(JdbcClient jdbc, String code, String name, Integer level, String kind, boolean crossRegion) {
        jdbc.sql("""
                insert into institution (fixmedins_code, valid_from, name, admdvs, level, kind, xr_inpatient, xr_outpatient,
                                         xr_chronic, recorded_at, recorded_by)
                select :code, date '2025-01-01', :name, '990100', cast(:level as smallint), :kind, :xr, :xr, :xr, now(), 'system'
                where not exists (select 1 from institution where fixmedins_code = :code)
                on conflict do nothing
                """)
                .param("code", code).param("name", name).param("level", level).param("kind", kind)
                .param("xr", crossRegion)
                .update();
    }
}
