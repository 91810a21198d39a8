package org.yibao.server.supervision.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.Line;
import org.yibao.engine.supervision.Patient;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import tools.jackson.databind.JsonNode;

/**
 * The 3101/3102 input ({@code data{…, patient_dtos[]{…, fsi_encounter_dtos[]{…}}}}, NATIONAL_INTERFACE §3)
 * read into the engine's model. Every problem is a refusal naming the field's path. Local extensions,
 * optional: {@code fsi_order_dtos[].prd_days} (days supplied), {@code fsi_order_dtos[].memo}
 * ({@code exam_rslt=1|0}) and {@code fsi_encounter_dtos[].die_date}.
 */
final class PrecheckInput {

    static final int MAX_PATIENTS = 10;
    static final int MAX_ENCOUNTERS = 20;
    static final int MAX_ORDERS = 500;
    static final int MAX_DIAGNOSES = 50;
    static final List<String> SCENES = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    /** Scenes of an inpatient stay: 住院登记, 住院收费登记, 住院执行医嘱, 住院结算, 住院预结算. */
    private static final Set<String> INPATIENT_SCENES = Set.of("3", "4", "5", "8", "9");
    private static final Set<String> INPATIENT_MED_TYPES = Set.of("21", "22", "24", "52");
    private static final List<String> GENDERS = List.of("0", "1", "2", "9");

    /** One patient to analyse: the visits to check and the other visits the client sent. */
    record PatientInput(Patient patient, List<Encounter> current, List<Encounter> others) {}

    private PrecheckInput() {}

    /** The {@code rule_ids} to run (empty = all), each known to {@code known}. */
    static Set<String> ruleIds(FsiNode data, java.util.function.Predicate<String> known, List<String> all) {
        JsonNode ids = data.json().get("rule_ids");
        Set<String> result = new LinkedHashSet<>();
        if (ids == null || ids.isNull()) {
            return result;
        }
        List<String> texts = new ArrayList<>();
        if (ids.isArray()) {
            if (ids.size() > 200) {
                throw FsiRefusal.field("data.rule_ids", "最多 200 条规则，收到 " + ids.size() + " 条");
            }
            for (int i = 0; i < ids.size(); i++) {
                if (!ids.get(i).isString() && !ids.get(i).isNumber()) {
                    throw FsiRefusal.field("data.rule_ids[" + i + "]", "应为规则编号字符串");
                }
                texts.add(ids.get(i).isString() ? ids.get(i).stringValue().strip() : ids.get(i).asString());
            }
        } else if (ids.isString()) {
            // Some clients send one comma-separated string.
            for (String t : ids.stringValue().split(",")) {
                if (!t.isBlank()) {
                    texts.add(t.strip());
                }
            }
        } else {
            throw FsiRefusal.field("data.rule_ids", "应为规则编号数组");
        }
        for (int i = 0; i < texts.size(); i++) {
            String id = texts.get(i);
            if (!known.test(id)) {
                throw FsiRefusal.field("data.rule_ids[" + i + "]", "规则 " + (id.length() > 30 ? id.substring(0, 30) + "…" : id)
                        + " 不存在，可用规则：" + String.join("、", all));
            }
            result.add(id);
        }
        return result;
    }

    static PatientInput patient(FsiNode p, FsiCall call, String scene, LocalDate today) {
        String patnId = p.text("patn_id", 30);
        String gend = p.optCode("gend", GENDERS);
        LocalDate brdy = p.optDate("brdy");
        if (brdy != null && brdy.isAfter(today)) {
            throw FsiRefusal.field(p.path() + ".brdy", "出生日期 " + brdy + " 晚于今天");
        }
        String currentId = p.optText("curr_mdtrt_id", 30);
        List<FsiNode> nodes = p.array("fsi_encounter_dtos", true, MAX_ENCOUNTERS);
        List<Encounter> current = new ArrayList<>();
        List<Encounter> others = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        LocalDate death = null;
        for (FsiNode e : nodes) {
            Encounter encounter = encounter(e, patnId, call, scene);
            if (!ids.add(encounter.id())) {
                throw FsiRefusal.field(e.path() + ".mdtrt_id", "就诊 " + encounter.id() + " 重复出现");
            }
            LocalDate die = e.optDate("die_date");
            if (die != null) {
                death = die;
            }
            boolean isCurrent = currentId == null || currentId.equals(encounter.id());
            if (isCurrent && !encounter.institutionCode().equals(call.fixmedinsCode())) {
                throw FsiRefusal.field(e.path() + ".medins_id", "只能分析本机构（" + call.fixmedinsCode() + "）的就诊，收到 "
                        + encounter.institutionCode());
            }
            (isCurrent ? current : others).add(encounter);
        }
        if (current.isEmpty()) {
            throw FsiRefusal.field(p.path() + ".curr_mdtrt_id", "就诊 " + currentId + " 不在 fsi_encounter_dtos 中");
        }
        return new PatientInput(new Patient(patnId, "1".equals(gend) || "2".equals(gend) ? gend : null, brdy, death), current, others);
    }

    private static Encounter encounter(FsiNode e, String patnId, FsiCall call, String scene) {
        String id = e.text("mdtrt_id", 30);
        String medins = e.optText("medins_id", 30);
        String institution = medins == null ? call.fixmedinsCode() : medins;
        LocalDate adm = e.date("adm_date");
        LocalDate dscg = e.optDate("dscg_date");
        if (dscg != null && dscg.isBefore(adm)) {
            throw FsiRefusal.field(e.path() + ".dscg_date", "出院日期 " + dscg + " 早于入院日期 " + adm);
        }
        String medType = e.optText("med_type", 6);
        boolean inpatient = medType != null ? INPATIENT_MED_TYPES.contains(medType) : INPATIENT_SCENES.contains(scene);
        Integer level = institution.equals(call.fixmedinsCode()) ? call.institutionLevel() : e.optInt("medins_lv", 1, 3);
        List<String> diagnoses = new ArrayList<>();
        for (FsiNode d : e.array("fsi_diagnose_dtos", false, MAX_DIAGNOSES)) {
            String code = d.text("dise_codg", 30);
            if (d.flag("maindise_flag", false)) {
                diagnoses.add(0, code);
            } else {
                diagnoses.add(code);
            }
        }
        String main = e.optText("dscg_main_dise_codg", 30);
        if (main != null && !diagnoses.contains(main)) {
            diagnoses.add(0, main);
        }
        List<Line> lines = new ArrayList<>();
        Set<String> rxIds = new HashSet<>();
        for (FsiNode o : e.array("fsi_order_dtos", false, MAX_ORDERS)) {
            Line line = order(o, adm);
            if (!rxIds.add(line.id())) {
                throw FsiRefusal.field(o.path() + ".rx_id", "医嘱明细 " + line.id() + " 在本次就诊中重复出现");
            }
            lines.add(line);
        }
        e.array("fsi_operation_dtos", false, MAX_DIAGNOSES);
        return new Encounter(id, patnId, institution, level, null, call.institutionPooling(), inpatient, adm, dscg, diagnoses, lines);
    }

    private static Line order(FsiNode o, LocalDate adm) {
        String rxId = o.text("rx_id", 40);
        String code = o.text("hilist_code", 50);
        Quantity cnt = o.quantity("cnt");
        UnitPrice pric = o.has("pric") ? o.price("pric") : null;
        Money sumamt = o.optMoney("sumamt");
        if (sumamt == null) {
            if (pric == null) {
                throw FsiRefusal.field(o.path() + ".sumamt", "必填（或给出 pric 由数量×单价计算）");
            }
            sumamt = pric.times(cnt);
        }
        LocalDateTime begin = o.optTime("drord_begn_date");
        LocalDate day = begin == null ? adm : begin.toLocalDate();
        Integer days = o.optInt("prd_days", 0, 3660);
        return new Line(rxId, code, o.optText("hilist_name", 200), day, cnt, pric, sumamt, days, examResult(o.optText("memo", 200)));
    }

    /** {@code exam_rslt=1} positive, {@code exam_rslt=0} negative (DOMAIN R-SUP-2), else not reported. */
    static Boolean examResult(String memo) {
        if (memo == null) {
            return null;
        }
        int at = memo.indexOf("exam_rslt=");
        if (at < 0 || at + 10 >= memo.length()) {
            return null;
        }
        char c = memo.charAt(at + 10);
        return c == '1' ? Boolean.TRUE : c == '0' ? Boolean.FALSE : null;
    }
}
