package org.yibao.server.institution;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Whether an institution may settle on a day (R-INST-1, R-INST-3, R-INST-4): only while its agreement is
 * active or under rectification and no suspension is in force (a sanction, or an upload-compliance
 * suspension of {@link UploadCompliance}); one statement ({@link Agreements#standing}) per institution and day until one of them changes. The one place the rule lives; the settlement
 * gateway asks it before every transaction that opens a visit or settles. The refusal names the state
 * and its date, in Chinese, as the HIS operator reads it in {@code err_msg}.
 */
@Service
public class SettlementPermission {

    /** The answer: allowed, or refused with the reason. */
    public record Decision(boolean allowed, AgreementState state, String refusal) {
        static Decision allow(AgreementState state) {
            return new Decision(true, state, null);
        }
    }

    private final Agreements agreements;
    private final StandingChanges changes;
    /** The last decision per institution, with its day and the change count it was read at. */
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(LocalDate day, long generation, Decision decision) {}

    SettlementPermission(Agreements agreements, StandingChanges changes) {
        this.agreements = agreements;
        this.changes = changes;
    }

    public Decision check(String fixmedinsCode, LocalDate day) {
        // The gateway asks before every settling call; the answer only changes with the day or with a
        // write of agreements, sanctions or suspensions (StandingChanges), so it is read once per both.
        long generation = changes.generation();
        Remembered r = remembered.get(fixmedinsCode);
        if (r != null && r.generation() == generation && r.day().equals(day)) {
            return r.decision();
        }
        Decision decision = decide(agreements.standing(fixmedinsCode, day));
        remembered.put(fixmedinsCode, new Remembered(day, generation, decision));
        return decision;
    }

    /**
     * Forgets every remembered decision, for writers of agreements outside this module (the demo world
     * loader); call it inside the writing transaction.
     */
    public void standingsChanged() {
        changes.changed();
    }

    static Decision decide(Agreements.Standing s) {
        Agreement a = s.agreement();
        if (a == null) {
            return new Decision(false, null, "本机构没有医保服务协议，不能办理医保结算；请向医保经办机构申请签订服务协议");
        }
        String period = "（" + a.startDate() + " 至 " + a.endDate() + "）";
        if (s.state() == null) {
            return new Decision(false, null, "本机构医保服务协议" + period + "自 " + a.startDate() + " 起生效，" + s.day() + " 尚未生效，不能办理医保结算");
        }
        if (s.suspension() != null) {
            Sanction p = s.suspension();
            return new Decision(false, AgreementState.SUSPENDED, "本机构医保结算已被暂停（" + p.startDate() + " 至 " + p.lastDay()
                    + "，原因：" + p.reason() + "），" + p.lastDay().plusDays(1) + " 起恢复；暂停期间可查询和上传明细，不能办理结算");
        }
        if (s.uploadSuspension() != null && s.state().allowsSettlement()) {
            UploadCompliance.Suspension u = s.uploadSuspension();
            return new Decision(false, AgreementState.SUSPENDED, "本机构因 " + u.breachDay() + " 数据上传不合规（" + u.cause()
                    + "）暂停结算 " + u.workingDays() + " 个工作日（" + u.startsOn() + " 起），至 " + u.resumesOn()
                    + " 恢复；暂停期间可查询和上传明细，不能办理结算");
        }
        return switch (s.state()) {
            case ACTIVE, RECTIFICATION -> Decision.allow(s.state());
            case APPLIED -> new Decision(false, s.state(), "本机构医保服务协议" + period + "尚在申请中，未生效，不能办理医保结算");
            case EXPIRED -> new Decision(false, s.state(), "本机构医保服务协议已于 " + a.endDate() + " 到期，不能办理医保结算；请续签协议");
            case TERMINATED -> new Decision(false, s.state(), "本机构医保服务协议已于 " + a.terminatedFrom() + " 解除，不能办理医保结算");
            case SUSPENDED -> new Decision(false, s.state(), "本机构医保结算已暂停，不能办理结算");
        };
    }
}
