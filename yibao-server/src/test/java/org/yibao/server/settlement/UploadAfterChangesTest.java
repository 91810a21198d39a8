package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;

/**
 * A visit's first fee upload (2204) after something changed since its registration, whose person's facts the platform
 * remembers: the answer is the one the stored state gives, and nothing is stored by a refused upload. Two uploads of
 * one serial at once store it once.
 */
@IntegrationTest
class UploadAfterChangesTest {

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;

    /** A new resident's visit, registered at a community centre. */
    private Visit registered(String name, LocalDate brdy) {
        TestPersons.Registered p = new TestPersons(users, jdbc).resident(name, brdy);
        Visit v = new Visit(fsi.as(DemoCast.WEST_COMMUNITY_CENTRE), p.psnNo(), "390");
        v.register().ok();
        return v;
    }

    private long lines(String mdtrtId) {
        return jdbc.sql("select count(*) from fee_line where mdtrt_id = ?").param(mdtrtId).query(Long.class).single();
    }

    @Test
    void anUploadAfterTheRegistrationWasCancelledIsRefusedAndStoresNothing() {
        Visit v = registered("首传甲", LocalDate.of(1990, 1, 1));
        v.his.call("2202", Map.of("data", Map.of("mdtrt_id", v.mdtrtId, "psn_no", v.psnNo, "ipt_otp_no", "x"))).ok();
        assertThat(v.line("001101000010000", "1", "20.00").upload("2204").refused().errMsg()).contains("已撤销挂号");
        assertThat(lines(v.mdtrtId)).isZero();
    }

    @Test
    void anUploadAfterThePersonLeftTheSchemeIsRefusedAndStoresNothing() {
        Visit v = registered("首传乙", LocalDate.of(1991, 2, 2));
        // Another writer moves the start of the person's insurance past today (the facts' version moves with it).
        jdbc.sql("update person set valid_from = current_date + 7 where psn_no = ? and valid_to is null").param(v.psnNo).update();
        assertThat(v.line("001101000010000", "1", "20.00").upload("2204").refused().errMsg()).contains(v.psnNo, "未参保");
        assertThat(lines(v.mdtrtId)).isZero();
    }

    @Test
    void anUploadAfterTheVisitInformationChangedIsSplitAsStored() {
        Visit v = registered("首传丙", LocalDate.of(1992, 3, 3));
        v.visitInfo("11", "J06.900").ok();
        v.line("001101000010000", "1", "20.00").upload("2204").ok();
        assertThat(lines(v.mdtrtId)).isEqualTo(1);
        assertThat(jdbc.sql("select med_type from visit where mdtrt_id = ?").param(v.mdtrtId).query(String.class).single()).isEqualTo("11");
        v.settle("2207", "11", false).ok();
    }

    @Test
    void twoFirstUploadsOfOneVisitAtOnceStoreEachSerialOnce() throws Exception {
        TestPersons.Registered p = new TestPersons(users, jdbc).resident("首传丁", LocalDate.of(1993, 4, 4));
        for (int round = 0; round < 8; round++) {
            Visit v = new Visit(fsi.as(DemoCast.WEST_COMMUNITY_CENTRE), p.psnNo(), "390");
            v.register().ok();
            v.line("001101000010000", "1", "20.00");
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<FsiClient.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return v.his.call("2204", Map.of("feedetail", v.lines));
                }));
            }
            List<FsiClient.Reply> replies = calls.stream().map(CompletableFuture::join).toList();
            assertThat(replies).as("round " + round).filteredOn(r -> r.infcode() == 0).hasSize(1);
            assertThat(replies).filteredOn(r -> r.infcode() != 0).singleElement()
                    .satisfies(r -> assertThat(r.errMsg()).contains("F1", "已上传过"));
            assertThat(lines(v.mdtrtId)).isEqualTo(1);
        }
    }
}
