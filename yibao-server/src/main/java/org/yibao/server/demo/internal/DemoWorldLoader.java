package org.yibao.server.demo.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.server.demo.DemoWorld;
import org.yibao.server.demo.DemoWorldGenerator;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.platform.audit.AuditTrail;

/**
 * Loads the demo world (R-DEMO) into an empty database on the first start, straight into the reference
 * tables: everything in one transaction, the {@code demo_world} row last, so a crash mid-load leaves an
 * empty database that loads again on the next start. Bulk tables go through {@code COPY}.
 *
 * <p>Also keeps {@code <data-dir>/institution-keys.tsv} present: rewritten from the table when missing.
 */
@Component
@Order(10)
class DemoWorldLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorldLoader.class);
    private static final String SYSTEM = AuditTrail.SYSTEM;
    /** Last year of the demo institutions' yearly agreements. */
    static final int AGREEMENTS_TO = 2030;

    private final YibaoProperties properties;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Clock clock;
    private final InstitutionKeyFile keys = new InstitutionKeyFile();

    DemoWorldLoader(YibaoProperties properties, DataSource dataSource, JdbcClient jdbc,
                    PlatformTransactionManager transactionManager, AuditTrail audit, Clock clock) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Path keyFile = properties.dataDir().toAbsolutePath().resolve(InstitutionKeyFile.FILE_NAME);
        boolean loaded = properties.demo().enabled() && Boolean.TRUE.equals(transaction.execute(status -> loadIfEmpty()));
        if (loaded) {
            analyze();
        }
        if (loaded || (!Files.exists(keyFile) && hasKeys())) {
            List<InstitutionKeyFile.Key> active = InstitutionKeyFile.activeKeys(jdbc);
            InstitutionKeyFile.write(keyFile, active);
            log.info("Wrote {} institution access keys to {}", active.size(), keyFile);
        }
    }

    /**
     * Statistics for the tables just loaded (the whole database: the rest is small or empty on a first start).
     * Without them PostgreSQL plans on default estimates until its first autoanalyze, about a minute later, and
     * the first minutes' staff pages and runs pay for it.
     */
    private void analyze() {
        long started = System.nanoTime();
        jdbc.sql("analyze").update();
        log.info("Database analysed after the demo world's load in {} ms", millisSince(started));
    }

    private boolean hasKeys() {
        return jdbc.sql("select exists (select 1 from institution_key where revoked_at is null)").query(Boolean.class).single();
    }

    /** In the caller's transaction: true when this call loaded the world. */
    private boolean loadIfEmpty() {
        // Two instances starting on one external database: the second waits here, then sees the row.
        jdbc.sql("lock table demo_world in exclusive mode").update();
        if (jdbc.sql("select count(*) from demo_world").query(Integer.class).single() > 0) {
            return false;
        }
        if (jdbc.sql("select exists (select 1 from region) or exists (select 1 from person)").query(Boolean.class).single()) {
            log.warn("The database holds reference data but no demo world: the demo world is not loaded "
                    + "(set yibao.demo.enabled=false to silence this)");
            return false;
        }
        YibaoProperties.Demo demo = properties.demo();
        long started = System.nanoTime();
        DemoWorld world = new DemoWorldGenerator(demo.seed(), demo.persons(), demo.institutions(), demo.catalogueItems()).generate();
        log.info("Loading the demo world (seed {}): {} persons, {} institutions, {} catalogue rows; generated in {} ms",
                demo.seed(), world.persons().size(), world.institutions().size(), world.catalogueItems().size(),
                millisSince(started));
        try {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            write(world, copy, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), started);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the demo world: " + e.getMessage(), e);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seed", demo.seed());
        summary.put("persons", world.persons().size());
        summary.put("institutions", world.institutions().size());
        summary.put("catalogueItems", world.catalogueItems().size());
        audit.record("LOAD", "demo_world", "1", DemoWorld.VALID_FROM, null, summary);
        // Last, so that its presence means "everything above is there".
        jdbc.sql("insert into demo_world (id, seed, persons, institutions, loaded_at) values (1, ?, ?, ?, ?)")
                .params(demo.seed(), world.persons().size(), world.institutions().size(), OffsetDateTime.now(clock))
                .update();
        log.info("Demo world loaded in {} ms ({} persons, {} institutions)", millisSince(started),
                world.persons().size(), world.institutions().size());
        return true;
    }

    private void write(DemoWorld w, CopyManager copy, OffsetDateTime now, long started) throws SQLException {
        String from = DemoWorld.VALID_FROM.toString();

        try (TableCopy t = new TableCopy(copy, "region", "admdvs", "valid_from", "valid_to", "name", "province_admdvs",
                "pooling_admdvs", "inpatient_payment", "recorded_at", "recorded_by")) {
            w.regions().forEach(r -> t.row(r.admdvs(), from, null, r.name(), r.provinceAdmdvs(), r.poolingAdmdvs(),
                    r.inpatientPayment(), now, SYSTEM));
        }
        // Alliances name their lead institution, institutions their alliance: no FK from alliance, so alliances first.
        try (TableCopy t = new TableCopy(copy, "alliance", "code", "name", "kind", "admdvs", "lead_fixmedins_code")) {
            w.alliances().forEach(a -> t.row(a.code(), a.name(), a.kind(), a.admdvs(), a.leadFixmedinsCode()));
        }
        List<InstitutionKeyFile.Key> newKeys = new ArrayList<>();
        try (TableCopy t = new TableCopy(copy, "institution", "fixmedins_code", "valid_from", "valid_to", "name", "admdvs",
                "level", "kind", "alliance_code", "designated", "xr_inpatient", "xr_outpatient", "xr_chronic", "address",
                "recorded_at", "recorded_by")) {
            w.institutions().forEach(i -> {
                t.row(i.code(), from, null, i.name(), i.admdvs(), i.level(), i.kind(), i.allianceCode(), true,
                        i.xrInpatient(), i.xrOutpatient(), i.xrChronic(), i.address(), now, SYSTEM);
                newKeys.add(keys.newKey(i.code()));
            });
        }
        try (TableCopy t = new TableCopy(copy, "institution_key", "access_key", "fixmedins_code", "secret", "created_at")) {
            newKeys.forEach(k -> t.row(k.accessKey(), k.fixmedinsCode(), k.secret(), now));
        }
        agreements(now);
        log.info("Demo world: {} regions, {} alliances, {} institutions with keys ({} ms)", w.regions().size(),
                w.alliances().size(), w.institutions().size(), millisSince(started));

        try (TableCopy t = new TableCopy(copy, "person", "psn_no", "valid_from", "valid_to", "certno", "psn_cert_type", "name",
                "gend", "brdy", "naty", "insutype", "psn_type", "insured_admdvs", "residence_admdvs", "emp_name",
                "cvlserv_flag", "insu_date", "status", "recorded_at", "recorded_by")) {
            w.persons().forEach(p -> t.row(p.psnNo(), p.validFrom(), null, p.certno(), "01", p.name(), p.gend(), p.brdy(),
                    "01", p.insutype(), p.psnType(), p.insuredAdmdvs(), p.residenceAdmdvs(), p.empName(),
                    "1102".equals(p.psnType()) || "1202".equals(p.psnType()) ? "1" : "0", p.insuDate(), "NORMAL", now, SYSTEM));
        }
        log.info("Demo world: {} persons ({} ms)", w.persons().size(), millisSince(started));
        // R-REF-2: an employee's personal account opens with its balance; the entry makes the ledger add up.
        try (TableCopy accounts = new TableCopy(copy, "personal_account", "psn_no", "admdvs", "balance", "updated_at")) {
            w.persons().stream().filter(p -> p.accountBalance() != null)
                    .forEach(p -> accounts.row(p.psnNo(), p.insuredAdmdvs(), p.accountBalance(), now));
        }
        try (TableCopy entries = new TableCopy(copy, "personal_account_entry", "psn_no", "amount", "balance_after", "kind",
                "source_type", "source_id", "recorded_at", "recorded_by")) {
            w.persons().stream().filter(p -> p.accountBalance() != null)
                    .forEach(p -> entries.row(p.psnNo(), p.accountBalance(), p.accountBalance(), "OPENING", "demo_world", "1",
                            now, SYSTEM));
        }
        log.info("Demo world: personal accounts ({} ms)", millisSince(started));

        try (TableCopy t = new TableCopy(copy, "person_identity", "psn_no", "psn_idet_type", "begin_date", "end_date", "memo")) {
            w.identities().forEach(i -> t.row(i.psnNo(), i.type(), i.beginDate(), i.endDate(), i.memo()));
        }
        try (TableCopy t = new TableCopy(copy, "mutual_aid_binding", "binder_psn_no", "member_psn_no", "relation", "bound_at",
                "valid_from", "valid_to")) {
            w.bindings().forEach(b -> t.row(b.binderPsnNo(), b.memberPsnNo(), b.relation(), now, b.validFrom(), b.validTo()));
        }
        try (TableCopy t = new TableCopy(copy, "chronic_recognition", "psn_no", "dise_key", "dise_codg", "fixmedins_code",
                "begin_date", "end_date", "recorded_at")) {
            w.recognitions().forEach(r -> t.row(r.psnNo(), r.diseKey(), r.diseCodg(), r.fixmedinsCode(), r.beginDate(),
                    r.endDate(), now));
        }
        try (TableCopy t = new TableCopy(copy, "family_doctor_contract", "psn_no", "kind", "community_code", "district_code",
                "city_code", "begin_date", "end_date", "recorded_at")) {
            w.contracts().forEach(c -> t.row(c.psnNo(), c.kind(), c.communityCode(), c.districtCode(), c.cityCode(),
                    c.beginDate(), c.endDate(), now));
        }
        try (TableCopy t = new TableCopy(copy, "xr_filing", "psn_no", "category", "insured_admdvs", "treatment_admdvs",
                "begin_date", "end_date", "channel", "recorded_at")) {
            w.filings().forEach(f -> t.row(f.psnNo(), f.category(), f.insuredAdmdvs(), f.treatmentAdmdvs(), f.beginDate(),
                    f.endDate(), "DEMO", now));
        }
        log.info("Demo world: {} identities, {} bindings, {} recognitions, {} contracts, {} filings ({} ms)",
                w.identities().size(), w.bindings().size(), w.recognitions().size(), w.contracts().size(),
                w.filings().size(), millisSince(started));

        try (TableCopy t = new TableCopy(copy, "catalogue_item", "admdvs", "med_list_codg", "valid_from", "valid_to", "name",
                "category", "chrgitm_lv", "selfpay_prop", "price_cap", "med_chrgitm_type", "min_inst_level",
                "sex_restriction", "min_age", "max_age", "indication", "max_days_supplied", "non_disease", "chronic_drug",
                "imaging", "bed_only", "per_day", "recorded_at", "recorded_by")) {
            w.catalogueItems().forEach(c -> t.row(c.admdvs(), c.code(), from, null, c.name(), c.category(), c.chrgitmLv(),
                    c.selfpayProp(), c.priceCap(), c.medChrgitmType(), c.minInstLevel(), c.sexRestriction(), c.minAge(),
                    c.maxAge(), c.indication(), c.maxDaysSupplied(), c.nonDisease(), c.chronicDrug(), c.imaging(),
                    c.bedOnly(), c.perDay(), now, SYSTEM));
        }
        try (TableCopy t = new TableCopy(copy, "chronic_disease", "admdvs", "dise_key", "name", "valid_from", "valid_to",
                "recorded_at", "recorded_by")) {
            w.chronicDiseases().forEach(d -> t.row(d.admdvs(), d.diseKey(), d.name(), from, null, now, SYSTEM));
        }
        log.info("Demo world: {} catalogue rows, {} chronic diseases ({} ms)", w.catalogueItems().size(),
                w.chronicDiseases().size(), millisSince(started));
    }

    /**
     * R-INST-1: every demo institution holds one-year service agreements from the demo world's start,
     * renewed yearly through {@link #AGREEMENTS_TO} (the years the demo policy covers), so that it
     * settles on any day of 2025–2030 until staff sanction or terminate it.
     */
    private void agreements(OffsetDateTime now) {
        jdbc.sql("""
                insert into agreement (fixmedins_code, start_date, end_date, status, recorded_at, recorded_by)
                select i.fixmedins_code, make_date(y, 1, 1), make_date(y, 12, 31), 'ACTIVE', ?, ?
                from (select distinct fixmedins_code from institution) i, generate_series(?, ?) y""")
                .params(now, SYSTEM, DemoWorld.VALID_FROM.getYear(), AGREEMENTS_TO).update();
        jdbc.sql("""
                update agreement a set renews_id = p.id from agreement p
                where p.fixmedins_code = a.fixmedins_code and p.end_date = a.start_date - 1""").update();
        jdbc.sql("""
                insert into agreement_event (agreement_id, action, from_state, to_state, effective_date, reason, recorded_at, recorded_by)
                select id, case when renews_id is null then 'ACTIVATE' else 'RENEW' end, null, 'ACTIVE', start_date, '示范数据', ?, ?
                from agreement""").params(now, SYSTEM).update();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
