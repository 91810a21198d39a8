package org.yibao.server.supervision.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibao.engine.money.Money;
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.Evidence;
import org.yibao.engine.supervision.Finding;
import org.yibao.engine.supervision.Patient;
import org.yibao.engine.supervision.Stage;
import org.yibao.engine.supervision.SupervisionEngine;
import org.yibao.server.supervision.KnowledgeBaseInForce;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * 3101 明细审核事前分析 and 3102 事中分析 (R-SUP-1, NATIONAL_INTERFACE §3): each current visit of each
 * patient is checked by the rules of the stage (3101 事前, 3102 事中) that run for {@code trig_scen},
 * against the person's other visits — those the client sent and the recent ones stored here
 * ({@link RecentVisits}, one statement per patient). The answer is {@code result[]}, one element per
 * finding with its evidence lines; empty when clean. Nothing is stored but the gateway's message.
 */
@Component
class PrecheckTransactions implements FsiTransaction {

    private final KnowledgeBaseInForce inForce;
    private final RecentVisits recentVisits;

    PrecheckTransactions(KnowledgeBaseInForce inForce, RecentVisits recentVisits) {
        this.inForce = inForce;
        this.recentVisits = recentVisits;
    }

    @Override
    public List<String> infnos() {
        return List.of("3101", "3102");
    }

    @Override
    public Object handle(FsiCall call) {
        Stage stage = "3101".equals(call.infno()) ? Stage.PRE : Stage.DURING;
        // The knowledge base in force, read once per call: a change committed meanwhile applies from the next call.
        SupervisionEngine engine = inForce.engine();
        FsiNode data = call.input().object("data");
        data.optText("syscode", 30);
        String taskId = data.optText("task_id", 50);
        String scene = data.code("trig_scen", PrecheckInput.SCENES);
        Set<String> selected = PrecheckInput.ruleIds(data, engine::hasRule, engine.ids());
        LocalDate today = call.now().toLocalDate();
        // Read everything first: a bad field anywhere refuses the call before any rule runs.
        List<PrecheckInput.PatientInput> patients = new ArrayList<>();
        for (FsiNode p : data.array("patient_dtos", true, PrecheckInput.MAX_PATIENTS)) {
            patients.add(PrecheckInput.patient(p, call, scene, today));
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (PrecheckInput.PatientInput p : patients) {
            LocalDate earliest = p.current().stream().map(Encounter::admissionDate).min(LocalDate::compareTo).orElse(today);
            RecentVisits.History stored = recentVisits.of(p.patient().id(), call.fixmedinsCode(), earliest);
            Set<String> sent = new HashSet<>();
            p.current().forEach(e -> sent.add(e.id()));
            p.others().forEach(e -> sent.add(e.id()));
            List<Encounter> history = new ArrayList<>(p.others());
            LocalDate death = p.patient().deathDate();
            for (Encounter e : stored.visits()) {
                if (!sent.contains(e.id())) {
                    history.add(e);
                }
                LocalDate d = stored.deathDates().get(e.id());
                if (death == null && d != null) {
                    death = d;
                }
            }
            Patient patient = new Patient(p.patient().id(), p.patient().sex(), p.patient().birthDate(), death);
            for (Encounter current : p.current()) {
                Encounter withAlliance = new Encounter(current.id(), current.patientId(), current.institutionCode(),
                        current.institutionLevel(), stored.callerAlliance(), current.regionCode(), current.inpatient(),
                        current.admissionDate(), current.dischargeDate(), current.diagnoses(), current.lines());
                for (Finding f : engine.analyse(stage, scene, selected, patient, withAlliance, history)) {
                    result.add(reply(f, call.msgid(), result.size() + 1, taskId));
                }
            }
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("result", result);
        return output;
    }

    /** One {@code result[]} element with its {@code judge_result_detail_dtos[]}. */
    private static Map<String, Object> reply(Finding f, String msgid, int n, String taskId) {
        String jrId = msgid + String.format("%04d", n);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("jr_id", jrId);
        r.put("rule_id", f.ruleId());
        r.put("rule_name", f.ruleName());
        r.put("vola_cont", f.content());
        r.put("patn_id", f.patientId());
        r.put("mdtrt_id", f.encounterId());
        r.put("vola_amt", f.amount());
        r.put("vola_amt_stas", f.amount().isPositive() ? "1" : "0");
        r.put("sev_deg", f.severity().code());
        StringBuilder evid = new StringBuilder();
        List<Map<String, Object>> details = new ArrayList<>();
        int k = 0;
        for (Evidence e : f.evidence()) {
            if (!evid.isEmpty()) {
                evid.append("；");
            }
            evid.append(e.lineId() == null ? "就诊 " + e.encounterId() : "明细 " + e.lineId()).append("：").append(e.reason());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("jrd_id", jrId + String.format("%03d", ++k));
            d.put("patn_id", f.patientId());
            d.put("mdtrt_id", e.encounterId());
            d.put("rx_id", e.lineId());
            d.put("vola_item_type", e.lineId() == null ? "2" : "1");
            d.put("vola_amt", e.amount() == null ? Money.ZERO : e.amount());
            details.add(d);
        }
        r.put("vola_evid", evid.toString());
        r.put("vola_bhvr_type", f.behaviourType());
        r.put("task_id", taskId);
        r.put("judge_result_detail_dtos", details);
        return r;
    }
}
