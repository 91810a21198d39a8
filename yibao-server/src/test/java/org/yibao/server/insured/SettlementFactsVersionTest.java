package org.yibao.server.insured;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.engine.identity.CertificateNumbers;
import org.yibao.server.IntegrationTest;
import org.yibao.server.region.RefData;

/**
 * The person's settlement facts are remembered with the version of their tables (V97): a settlement must still see
 * every committed change to any of the eight tables at once, and never a change that was rolled back.
 */
@IntegrationTest
class SettlementFactsVersionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Autowired
    Persons persons;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    private String psnNo;
    private String binder;

    @BeforeEach
    void twoEmployeesOfTheDemoCity() {
        psnNo = employee();
        binder = employee();
    }

    /** A new employee insured in 990100 (the demo world's city) with a personal account; no other test knows them. */
    private String employee() {
        String no = "97" + RefData.digits(18);
        // A certificate number staff could enter: its birth date that of brdy, its 17th digit even (a woman, gend 2).
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(Long.parseLong(RefData.digits(4)));
        String first17 = "110101" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + RefData.digits(2) + "4";
        jdbc.sql("""
                        insert into person (psn_no, valid_from, certno, name, gend, brdy, insutype, psn_type, insured_admdvs,
                                            residence_admdvs, insu_date, recorded_at, recorded_by)
                        values (?, date '2025-01-01', ?, '事实测试', '2', ?, '310', '1101', '990100', '990100',
                                date '2010-01-01', now(), 'test')""").params(no, first17 + CertificateNumbers.checkCharacter(first17), born)
                .update();
        jdbc.sql("insert into personal_account (psn_no, admdvs, balance, updated_at) values (?, '990100', 1000.00, now())").param(no)
                .update();
        return no;
    }

    private SettlementFacts facts() {
        return persons.settlementFacts(psnNo, DAY).orElseThrow();
    }

    @Test
    void aCommittedChangeToAnyFactTableIsSeenByTheNextRead() {
        facts();
        assertThat(facts().identities()).doesNotContain("2102");
        long identity = jdbc.sql("insert into person_identity (psn_no, psn_idet_type, begin_date) values (?, '2102', ?) returning id")
                .params(psnNo, DAY.minusDays(10)).query(Long.class).single();
        assertThat(facts().identities()).contains("2102");
        jdbc.sql("update person_identity set end_date = ? where id = ?").params(DAY.minusDays(1), identity).update();
        assertThat(facts().identities()).doesNotContain("2102");

        jdbc.sql("""
                        insert into chronic_recognition (psn_no, dise_key, dise_codg, begin_date, end_date, recorded_at)
                        values (?, 'I10', 'I10.x00', ?, ?, now())""").params(psnNo, DAY.minusDays(30), DAY.plusDays(300)).update();
        assertThat(facts().chronicDiseaseKeys()).contains("I10");

        jdbc.sql("""
                        insert into family_doctor_contract (psn_no, kind, community_code, begin_date, end_date, recorded_at)
                        values (?, 'BASIC', 'H99010000001', ?, ?, now())""").params(psnNo, DAY.minusDays(30), DAY.plusDays(300)).update();
        assertThat(facts().familyDoctorKind()).isEqualTo("BASIC");

        jdbc.sql("""
                        insert into mutual_aid_binding (binder_psn_no, member_psn_no, relation, bound_at, valid_from)
                        values (?, ?, 'SPOUSE', now(), ?)""").params(binder, psnNo, DAY.minusDays(30)).update();
        assertThat(facts().binders()).containsExactly(binder);

        jdbc.sql("""
                        insert into xr_filing (psn_no, category, insured_admdvs, treatment_admdvs, begin_date, channel, recorded_at)
                        values (?, 'TEMPORARY', '990100', '990200', ?, 'COUNTER', now())""").params(psnNo, DAY.minusDays(3)).update();
        assertThat(facts().crossRegionFilings()).containsExactly("TEMPORARY:990200");

        jdbc.sql("update person set psn_type = '1201' where psn_no = ?").param(psnNo).update();
        assertThat(facts().person().personType()).isEqualTo("1201");

        assertThat(facts().ownAccount()).isTrue();
        jdbc.sql("update personal_account set balance = balance - 10 where psn_no = ?").param(psnNo).update();
        long version = jdbc.sql("select version from settlement_facts_version").query(Long.class).single();
        jdbc.sql("update personal_account set balance = balance + 10 where psn_no = ?").param(psnNo).update();
        assertThat(jdbc.sql("select version from settlement_facts_version").query(Long.class).single())
                .as("a balance is not a fact: settlements move balances without moving the version").isEqualTo(version);
        jdbc.sql("delete from personal_account where psn_no = ?").param(psnNo).update();
        assertThat(facts().ownAccount()).isFalse();
    }

    @Test
    void aChangeRolledBackIsNeverSeenEvenAfterTheTransactionThatMadeItReadIt() {
        facts();
        tx.executeWithoutResult(status -> {
            jdbc.sql("insert into person_identity (psn_no, psn_idet_type, begin_date) values (?, '2101', ?)").params(psnNo, DAY.minusDays(1))
                    .update();
            assertThat(facts().identities()).as("the writing transaction sees its own change").contains("2101");
            status.setRollbackOnly();
        });
        assertThat(facts().identities()).doesNotContain("2101");
        // Another transaction moves the version after the rollback: the rolled-back facts never come back.
        jdbc.sql("update person_identity set memo = memo where psn_no = ?").param(psnNo).update();
        assertThat(facts().identities()).doesNotContain("2101");
    }

    @Test
    void factsAreReadFromMemoryWhileTheirVersionStands() {
        // A write that bypasses the version (its trigger disabled for the moment) is not seen: the facts came
        // from memory. This is why every write to the eight tables must move the version, as V97's triggers do.
        String name = facts().person().name();
        try {
            tx.executeWithoutResult(status -> {
                jdbc.sql("alter table person disable trigger settlement_facts_changed").update();
                jdbc.sql("update person set name = '改名' where psn_no = ?").param(psnNo).update();
                jdbc.sql("alter table person enable trigger settlement_facts_changed").update();
            });
            assertThat(facts().person().name()).isEqualTo(name);
        } finally {
            jdbc.sql("update person set name = ? where psn_no = ?").params(name, psnNo).update();
        }
        assertThat(facts().person().name()).isEqualTo(name);
        jdbc.sql("update person set name = '又改名' where psn_no = ?").param(psnNo).update();
        assertThat(facts().person().name()).isEqualTo("又改名");
    }

    @Test
    void twoWritersOfFactsWhoseRowsCrossWaitForEachOtherInsteadOfDeadlocking() throws Exception {
        // A writes the person, then the binder; B writes only the binder, starting in between. Had the version moved after
        // each statement (V97), B would hold the binder's row while waiting for the version row that A holds, and A's
        // second write would wait for B: a deadlock, one of the two refused. The version moves before the statement's row
        // locks (V98), so B waits for A before locking anything and both go through, one after the other.
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            touch(a, psnNo, "A");
            int bPid = pid(b);
            CompletableFuture<Void> bWrites = CompletableFuture.runAsync(() -> {
                try {
                    touch(b, binder, "B");
                    b.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(within5s(() -> waitingForALock(bPid))).as("B waits for A's version row").isTrue();
            touch(a, binder, "A");
            a.commit();
            bWrites.get(30, TimeUnit.SECONDS);
        }
        assertThat(jdbc.sql("select recorded_by from person where psn_no = ?").param(psnNo).query(String.class).single()).isEqualTo("A");
        assertThat(jdbc.sql("select recorded_by from person where psn_no = ?").param(binder).query(String.class).single())
                .as("B's write came last").isEqualTo("B");
    }

    @Test
    void aStaffChangeOfAPersonTakesTheVersionRowBeforeThePersonsRow() throws Exception {
        // A holds the version row (it wrote a fact) and will write the binder next. Meanwhile staff change the binder: the
        // change locks the binder's row "for update" before it writes. Had it taken the version row only at that write, it
        // would hold the binder's row while waiting for A, and A would wait for it: a deadlock, one of the two refused.
        // It takes the version row first (FactsVersionLock), so it waits for A holding nothing, and both go through.
        Person before = persons.find(binder).orElseThrow();
        Person renamed = new Person(binder, before.certificateNo(), before.certificateType(), "改名后", before.sex(), before.birthDate(),
                before.ethnicity(), before.insuranceType(), before.personType(), before.insuredAdmdvs(), before.residenceAdmdvs(),
                before.employerName(), before.civilServant(), before.insuredSince(), before.status(), before.statusUntil(), null, null);
        try (Connection a = dataSource.getConnection()) {
            a.setAutoCommit(false);
            touch(a, psnNo, "A");
            int aPid = pid(a);
            CompletableFuture<Person> change = CompletableFuture.supplyAsync(() -> persons.change(binder, renamed, null));
            assertThat(within5s(() -> anotherWaitsForALock(aPid))).as("the change waits for A's version row").isTrue();
            touch(a, binder, "A");
            a.commit();
            assertThat(change.get(30, TimeUnit.SECONDS).name()).isEqualTo("改名后");
        }
        assertThat(persons.find(binder).orElseThrow().name()).isEqualTo("改名后");
        assertThat(jdbc.sql("select count(*) from person where psn_no = ? and recorded_by = 'A'").param(binder).query(Long.class).single())
                .as("A's write is in the version the change closed").isEqualTo(1);
    }

    /** Whether {@code condition} holds within five seconds (checked every 25 ms). */
    private static boolean within5s(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(25);
        }
        return condition.getAsBoolean();
    }

    private static void touch(Connection c, String psn, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update person set recorded_by = ? where psn_no = ?")) {
            ps.setString(1, by);
            ps.setString(2, psn);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A backend other than {@code pid} waits for a lock in a statement on the version row or a person (the change's). */
    private boolean anotherWaitsForALock(int pid) {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity where pid <> ? and datname = current_database() and wait_event_type = 'Lock'
                        and (query like '%settlement_facts_version%' or query like '%person%')""")
                .param(pid).query(Long.class).single() > 0;
    }

    private boolean waitingForALock(int pid) {
        return jdbc.sql("select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'").param(pid)
                .query(Long.class).single() == 1;
    }
}
