package org.yibao.server.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state of an agreement on a day (R-INST-1, R-INST-4), from what is stored and the date alone. */
class AgreementStatesTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);

    static Agreement agreement(String status, LocalDate terminatedFrom) {
        return new Agreement(1, "H1", START, END, status, null, terminatedFrom, Instant.EPOCH, "t");
    }

    static Sanction sanction(String kind, String start, String end) {
        return new Sanction(1, "H1", 1, kind, LocalDate.parse(start), LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
                "r", "e", "admin", Instant.EPOCH);
    }

    static AgreementState on(Agreement a, List<Sanction> s, String day) {
        return AgreementStates.on(a, s, LocalDate.parse(day));
    }

    @Test
    void anActiveAgreementExpiresTheDayAfterItsEndByDateAlone() {
        Agreement a = agreement("ACTIVE", null);
        assertThat(on(a, List.of(), "2026-12-31")).isEqualTo(AgreementState.ACTIVE);
        assertThat(on(a, List.of(), "2027-01-01")).isEqualTo(AgreementState.EXPIRED);
        assertThat(on(agreement("APPLIED", null), List.of(), "2027-01-01")).isEqualTo(AgreementState.EXPIRED);
        assertThat(on(agreement("APPLIED", null), List.of(), "2026-06-01")).isEqualTo(AgreementState.APPLIED);
    }

    @Test
    void rectificationHoldsUntilItsDeadlineAndAllowsSettlement() {
        List<Sanction> s = List.of(sanction("RECTIFICATION", "2026-09-01", "2026-09-15"));
        Agreement a = agreement("ACTIVE", null);
        assertThat(on(a, s, "2026-08-31")).isEqualTo(AgreementState.ACTIVE);
        assertThat(on(a, s, "2026-09-15")).isEqualTo(AgreementState.RECTIFICATION);
        assertThat(AgreementState.RECTIFICATION.allowsSettlement()).isTrue();
        assertThat(on(a, s, "2026-09-16")).isEqualTo(AgreementState.ACTIVE);
    }

    @Test
    void suspensionWinsOverRectificationAndLiftsAfterItsLastDay() {
        List<Sanction> s = List.of(sanction("RECTIFICATION", "2026-09-01", "2026-10-31"), sanction("SUSPENSION", "2026-10-01", "2026-10-11"));
        Agreement a = agreement("ACTIVE", null);
        assertThat(on(a, s, "2026-10-01")).isEqualTo(AgreementState.SUSPENDED);
        assertThat(on(a, s, "2026-10-11")).isEqualTo(AgreementState.SUSPENDED);
        assertThat(AgreementState.SUSPENDED.allowsSettlement()).isFalse();
        assertThat(on(a, s, "2026-10-12")).isEqualTo(AgreementState.RECTIFICATION);
    }

    @Test
    void terminationHoldsFromItsDayOverEverythingElse() {
        Agreement a = agreement("TERMINATED", LocalDate.of(2026, 11, 2));
        List<Sanction> s = List.of(sanction("SUSPENSION", "2026-10-01", "2026-12-31"));
        assertThat(on(a, s, "2026-11-01")).isEqualTo(AgreementState.SUSPENDED);
        assertThat(on(a, s, "2026-11-02")).isEqualTo(AgreementState.TERMINATED);
        assertThat(on(a, List.of(), "2027-05-01")).isEqualTo(AgreementState.TERMINATED);
    }

    @Test
    void theRefusalNamesTheStateAndTheDate() {
        Agreement a = agreement("ACTIVE", null);
        var expired = SettlementPermission.decide(Agreements.standing("H1", LocalDate.of(2027, 1, 1), List.of(a), List.of()));
        assertThat(expired.allowed()).isFalse();
        assertThat(expired.refusal()).contains("已于 2026-12-31 到期");
        var suspended = SettlementPermission.decide(Agreements.standing("H1", LocalDate.of(2026, 10, 5), List.of(a),
                List.of(sanction("SUSPENSION", "2026-10-01", "2026-10-11"))));
        assertThat(suspended.refusal()).contains("2026-10-01 至 2026-10-11", "2026-10-12 起恢复");
        assertThat(SettlementPermission.decide(Agreements.standing("H1", LocalDate.of(2025, 12, 1), List.of(a), List.of())).refusal())
                .contains("自 2026-01-01 起生效");
        assertThat(SettlementPermission.decide(Agreements.standing("H1", LocalDate.of(2026, 5, 1), List.of(a), List.of())).allowed()).isTrue();
    }
}
