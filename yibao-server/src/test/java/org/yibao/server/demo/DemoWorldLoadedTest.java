package org.yibao.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;

/**
 * The demo world in the database is the one DOMAIN §2 describes, code for code, and the generated
 * population is well-formed (R-DEMO). Reads only: other classes share this world.
 */
@IntegrationTest
class DemoWorldLoadedTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2030, 12, 31);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    YibaoProperties properties;

    @Autowired
    ApplicationContext context;

    private record PersonRow(String psnNo, String name, String certno, String gend, LocalDate brdy, String insutype,
                             String psnType, String insuredAdmdvs, String residenceAdmdvs, LocalDate validFrom, LocalDate validTo,
                             String recordedBy) {}

    @Test
    void theWorldsTablesHaveStatisticsAsSoonAsItIsLoaded() throws InterruptedException {
        // last_analyze is set by an ANALYZE statement only, never by autovacuum; the server publishes its
        // statistics views within seconds, so the look is repeated for up to 20 s.
        List<String> tables = List.of("region", "alliance", "institution", "institution_key", "person", "personal_account",
                "personal_account_entry", "person_identity", "mutual_aid_binding", "chronic_recognition", "family_doctor_contract",
                "xr_filing", "catalogue_item", "chronic_disease");
        List<String> unanalysed = List.of();
        for (int attempt = 0; attempt < 40; attempt++) {
            unanalysed = jdbc.sql("""
                            select t from unnest(?::text[]) t
                            where not exists (select 1 from pg_stat_user_tables s where s.relname = t and s.last_analyze is not null)
                            order by t""")
                    .param(tables.toArray(String[]::new)).query(String.class).list();
            if (unanalysed.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(unanalysed).as("tables of the demo world without statistics").isEmpty();
    }

    @Test
    void theEightNamedPersonsAreThereExactlyAsTheSpecSays() {
        assertPerson("99010000000000000001", "张敏", "990100198103150126", "2", "1981-03-15", "310", "1101", "990100");
        assertPerson("99010000000000000002", "李强", "990100195806200210", "1", "1958-06-20", "310", "1201", "990100");
        assertPerson("99010000000000000003", "王芳", "990100195609020325", "2", "1956-09-02", "390", "1501", "990100");
        assertPerson("99010000000000000004", "赵刚", "990100196601180417", "1", "1966-01-18", "390", "1501", "990100");
        assertPerson("99010000000000000005", "陈静", "990100197405050521", "2", "1974-05-05", "390", "1501", "990100");
        assertPerson("99010000000000000006", "孙伟", "990100196808110619", "1", "1968-08-11", "310", "1101", "990100");
        assertPerson("99010000000000000007", "周婷", "990100196002270728", "2", "1960-02-27", "310", "1201", "990100");
        assertPerson("99012100000000000001", "刘洋", "990121198604100110", "1", "1986-04-10", "390", "1501", "990121");
    }

    private void assertPerson(String psnNo, String name, String certno, String gend, String brdy, String insutype,
                              String psnType, String residence) {
        PersonRow p = jdbc.sql("""
                        select psn_no, name, certno, gend, brdy, insutype, psn_type, insured_admdvs, residence_admdvs,
                               valid_from, valid_to, recorded_by
                        from person where psn_no = ?""")
                .param(psnNo).query(PersonRow.class).single();
        assertThat(p).isEqualTo(new PersonRow(psnNo, name, certno, gend, LocalDate.parse(brdy), insutype, psnType,
                "990100", residence, FROM, null, "system"));
    }

    @Test
    void employeesOfTheCastHaveTheirOpeningBalancesAndResidentsNoAccount() {
        Map<String, BigDecimal> balances = new HashMap<>();
        jdbc.sql("select psn_no, balance from personal_account where psn_no like '990%000000000000000_'")
                .query((rs, n) -> balances.put(rs.getString(1), rs.getBigDecimal(2))).list();
        assertThat(balances).containsExactlyInAnyOrderEntriesOf(Map.of(
                "99010000000000000001", new BigDecimal("3000.00"),
                "99010000000000000002", new BigDecimal("5000.00"),
                "99010000000000000006", new BigDecimal("2000.00"),
                "99010000000000000007", new BigDecimal("4000.00")));
        for (var e : balances.entrySet()) {
            var opening = jdbc.sql("select amount, balance_after, kind from personal_account_entry where psn_no = ? and kind = 'OPENING'")
                    .param(e.getKey()).query().listOfRows();
            assertThat(opening).hasSize(1);
            assertThat(opening.get(0)).containsEntry("amount", e.getValue()).containsEntry("balance_after", e.getValue())
                    .containsEntry("kind", "OPENING");
        }
    }

    @Test
    void identitiesRecognitionsBindingContractsAndFilingOfTheCast() {
        assertThat(jdbc.sql("""
                        select psn_no || ' ' || psn_idet_type from person_identity
                        where psn_no like '9901%00000000000000_' order by psn_no""")
                .query(String.class).list())
                .containsExactly("99010000000000000004 2101", "99010000000000000005 2102");

        assertThat(jdbc.sql("""
                        select psn_no || ' ' || dise_key || ' ' || dise_codg || ' ' || begin_date || ' ' || end_date
                        from chronic_recognition where psn_no like '9901%00000000000000_' and cancelled_at is null order by psn_no""")
                .query(String.class).list())
                .containsExactly(
                        "99010000000000000002 E11 E11.900 2025-01-01 2030-12-31",
                        "99010000000000000005 I10 I10.x00 2025-01-01 2030-12-31",
                        "99010000000000000006 I10 I10.x00 2025-01-01 2030-12-31");

        assertThat(jdbc.sql("""
                        select binder_psn_no || '>' || member_psn_no || ' ' || relation || ' ' || valid_from || ' ' || valid_to
                        from mutual_aid_binding where member_psn_no = '99010000000000000003'""")
                .query(String.class).list())
                .containsExactly("99010000000000000001>99010000000000000003 PARENT 2025-01-01 2030-12-31");

        assertThat(jdbc.sql("""
                        select psn_no || ' ' || kind || ' ' || community_code || ' ' || coalesce(district_code, '-') || ' '
                               || coalesce(city_code, '-') || ' ' || begin_date || ' ' || end_date
                        from family_doctor_contract where psn_no like '9901%00000000000000_' order by psn_no""")
                .query(String.class).list())
                .containsExactly(
                        "99010000000000000005 BASIC H99010000003 - - 2025-01-01 2030-12-31",
                        "99010000000000000006 TRIPLE H99010000003 H99010000002 H99010000001 2025-01-01 2030-12-31");

        assertThat(jdbc.sql("""
                        select psn_no || ' ' || category || ' ' || insured_admdvs || '>' || treatment_admdvs || ' '
                               || begin_date || ' ' || coalesce(end_date::text, 'open')
                        from xr_filing where psn_no like '9901%00000000000000_'""")
                .query(String.class).list())
                .containsExactly("99010000000000000007 RETIREE_RESETTLED 990100>980100 2025-06-01 open");
    }

    @Test
    void regionsAndAlliancesAreThoseOfTheSpec() {
        assertThat(jdbc.sql("""
                        select admdvs || ' ' || name || ' ' || province_admdvs || ' ' || pooling_admdvs || ' ' || inpatient_payment
                        from region where valid_to is null and valid_from = date '2025-01-01' order by admdvs""")
                .query(String.class).list())
                .contains("980100 远山市 980000 980100 DRG", "990100 示范市 990000 990100 DRG",
                        "990121 示范县 990000 990100 DRG", "990200 邻江市 990000 990200 DIP");

        assertThat(jdbc.sql("""
                        select name || ' ' || kind || ' ' || admdvs || ' ' || lead_fixmedins_code from alliance
                        where lead_fixmedins_code in ('H99010000001', 'H99012100001') order by name""")
                .query(String.class).list())
                .containsExactlyInAnyOrder("示范市城市医疗集团 CITY_GROUP 990100 H99010000001",
                        "示范县医共体 COUNTY_COMMUNITY 990121 H99012100001");
    }

    @Test
    void theNineNamedInstitutionsWithLevelKindRegionAllianceAndCrossRegionFlags() {
        List<String> rows = jdbc.sql("""
                        select i.fixmedins_code || ' ' || i.name || ' ' || i.admdvs || ' ' || coalesce(i.level::text, '-') || ' '
                               || i.kind || ' ' || coalesce(a.name, '-') || ' '
                               || (case when i.xr_inpatient then 'I' else '_' end) || (case when i.xr_outpatient then 'O' else '_' end)
                               || (case when i.xr_chronic then 'C' else '_' end)
                        from institution i left join alliance a on a.code = i.alliance_code
                        where i.valid_to is null and i.fixmedins_code in ('H99010000001', 'H99010000002', 'H99010000003',
                              'H99010000004', 'H99012100001', 'H99012100002', 'P99010000001', 'H99020000001', 'H98010000001')
                        order by i.fixmedins_code""")
                .query(String.class).list();
        assertThat(rows).containsExactly(
                "H98010000001 远山市人民医院 980100 3 HOSPITAL - IOC",
                "H99010000001 示范市第一人民医院 990100 3 HOSPITAL 示范市城市医疗集团 IOC",
                "H99010000002 示范市中心医院 990100 2 HOSPITAL 示范市城市医疗集团 IO_",
                "H99010000003 示范市城东社区卫生服务中心 990100 1 COMMUNITY 示范市城市医疗集团 _O_",
                "H99010000004 示范市城西社区卫生服务中心 990100 1 COMMUNITY - _O_",
                "H99012100001 示范县人民医院 990121 2 HOSPITAL 示范县医共体 IO_",
                "H99012100002 示范县城关镇卫生院 990121 1 TOWNSHIP 示范县医共体 _O_",
                "H99020000001 邻江市人民医院 990200 3 HOSPITAL - IOC",
                "P99010000001 示范大药房 990100 - PHARMACY - ___");
        assertThat(jdbc.sql("""
                        select count(*) from institution where fixmedins_code in ('H99010000001', 'P99010000001', 'H98010000001')
                        and valid_from = date '2025-01-01' and valid_to is null and recorded_by = 'system' and designated""")
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void referenceCatalogueOfShifanWithLevelsSharesCapsAndFlags() {
        assertThat(catalogue("990100")).contains(
                "XA10BAE054A001010101001 盐酸二甲双胍片 DRUG 01 0.0000 - 09 lvl- chronic",
                "XC09CAL100A001010101002 缬沙坦胶囊 DRUG 02 0.1000 - 09 lvl- chronic",
                "XJ01DCT013B002010101003 注射用头孢呋辛钠 DRUG 02 0.1000 - 09 lvl2",
                "XD11AXM999A001010101005 米诺地尔搽剂 DRUG 03 1.0000 - 09 lvl-",
                "001101000010000 普通门诊诊查费 SERVICE 01 0.0000 20.000000 02 lvl-",
                "002101000010000 X线计算机体层(CT)平扫 SERVICE 02 0.1000 200.000000 03 lvl- imaging",
                "001102000010000 住院诊查费 SERVICE 01 0.0000 30.000000 02 lvl- per_day",
                "001103000010000 床位费 SERVICE 01 0.0000 60.000000 01 lvl- bed_only per_day",
                "003101000010000 健康体检 SERVICE 03 1.0000 - 03 lvl- non_disease",
                "003102000010000 阑尾切除术 SERVICE 01 0.0000 1200.000000 06 lvl-",
                "C0102030400001010101001 一次性使用输液器 CONSUMABLE 02 0.2000 - 08 lvl-");
    }

    @Test
    void yuanshanCapsTheOutpatientConsultationAt25AndLinjiangHasACatalogueToo() {
        assertThat(catalogue("980100")).contains("001101000010000 普通门诊诊查费 SERVICE 01 0.0000 25.000000 02 lvl-",
                "002101000010000 X线计算机体层(CT)平扫 SERVICE 02 0.1000 200.000000 03 lvl- imaging");
        assertThat(catalogue("990200")).contains("001101000010000 普通门诊诊查费 SERVICE 01 0.0000 20.000000 02 lvl-");
        for (String admdvs : List.of("990100", "990200", "980100")) {
            // test profile: 300 generated items per region plus the 11 of §2.4
            assertThat(catalogue(admdvs)).hasSize(311);
            assertThat(jdbc.sql("select dise_key || ' ' || name from chronic_disease where admdvs = ? and valid_to is null order by dise_key")
                    .param(admdvs).query(String.class).list())
                    .containsExactly("E11 2型糖尿病", "I10 高血压", "N18.5 慢性肾脏病5期透析");
        }
    }

    private List<String> catalogue(String admdvs) {
        return jdbc.sql("""
                        select med_list_codg || ' ' || name || ' ' || category || ' ' || chrgitm_lv || ' ' || selfpay_prop || ' '
                               || coalesce(price_cap::text, '-') || ' ' || med_chrgitm_type || ' lvl' || coalesce(min_inst_level::text, '-')
                               || (case when chronic_drug then ' chronic' else '' end) || (case when imaging then ' imaging' else '' end)
                               || (case when bed_only then ' bed_only' else '' end) || (case when per_day then ' per_day' else '' end)
                               || (case when non_disease then ' non_disease' else '' end)
                        from catalogue_item where admdvs = ? and valid_to is null and valid_from = date '2025-01-01'
                        and recorded_by = 'system'""")
                .param(admdvs).query(String.class).list();
    }

    @Test
    void generatedPersonsHaveValidCheckDigitsAndUniqueNumbers() {
        StringBuilder weighted = new StringBuilder();
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        for (int i = 0; i < 17; i++) {
            weighted.append(i == 0 ? "" : " + ").append("substr(certno, ").append(i + 1).append(", 1)::int * ").append(weights[i]);
        }
        int invalid = jdbc.sql("select count(*) from person where valid_to is null and substr('10X98765432', ((" + weighted
                + ") % 11) + 1, 1) <> substr(certno, 18, 1)").query(Integer.class).single();
        assertThat(invalid).isZero();
        assertThat(jdbc.sql("select count(*) from person where psn_no like '99%' and length(psn_no) = 20 and recorded_by = 'system'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2008 / 2);
        assertThat(jdbc.sql("select count(*) - count(distinct psn_no) from person where valid_to is null").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) - count(distinct certno) from person where valid_to is null").query(Integer.class).single()).isZero();
        // Sex and birth date agree with the certificate.
        assertThat(jdbc.sql("""
                        select count(*) from person where recorded_by = 'system' and (to_char(brdy, 'YYYYMMDD') <> substr(certno, 7, 8)
                        or gend <> case when substr(certno, 17, 1)::int % 2 = 1 then '1' else '2' end)""")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theDemoWorldRowIsWrittenWithTheSeed() {
        var row = jdbc.sql("select seed, persons, institutions from demo_world where id = 1").query().singleRow();
        assertThat(row).containsEntry("seed", properties.demo().seed()).containsEntry("persons", 2008).containsEntry("institutions", 49);
    }

    @Test
    void everyInstitutionHasAnAccessKeyInTheOwnerOnlyKeyFile() throws IOException {
        Path file = properties.dataDir().toAbsolutePath().resolve("institution-keys.tsv");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("fixmedins_code\taccess_key\tsecret");
        Map<String, String[]> byCode = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertThat(f).hasSize(3);
            assertThat(f[2]).hasSizeGreaterThanOrEqualTo(20);
            byCode.put(f[0], f);
        }
        List<String> demoInstitutions = jdbc.sql("""
                        select distinct fixmedins_code from institution where recorded_by = 'system' and valid_from = date '2025-01-01'""")
                .query(String.class).list();
        assertThat(byCode.keySet()).containsAll(demoInstitutions).contains("H99010000001", "P99010000001");
        for (String[] f : byCode.values()) {
            assertThat(jdbc.sql("select count(*) from institution_key where access_key = ? and fixmedins_code = ? and secret = ?")
                    .params(f[1], f[0], f[2]).query(Integer.class).single()).as(f[0]).isEqualTo(1);
        }
    }

    @Test
    void aLaterStartLoadsNothingAgainAndRewritesAMissingKeyFileFromTheTable() throws Exception {
        Path file = properties.dataDir().toAbsolutePath().resolve("institution-keys.tsv");
        List<String> before = Files.readAllLines(file, StandardCharsets.UTF_8);
        int persons = jdbc.sql("select count(*) from person").query(Integer.class).single();
        int keys = jdbc.sql("select count(*) from institution_key").query(Integer.class).single();
        Files.delete(file);

        context.getBean("demoWorldLoader", ApplicationRunner.class).run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("select count(*) from person").query(Integer.class).single()).isEqualTo(persons);
        assertThat(jdbc.sql("select count(*) from institution_key").query(Integer.class).single()).isEqualTo(keys);
        // Rewritten from the table: every demo key again (keys issued in the console since are in it too).
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsAll(before)
                .hasSize(1 + jdbc.sql("select count(*) from institution_key where revoked_at is null").query(Integer.class).single());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
