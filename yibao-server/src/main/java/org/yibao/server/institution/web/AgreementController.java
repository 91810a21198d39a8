package org.yibao.server.institution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.institution.Agreement;
import org.yibao.server.institution.Agreements;
import org.yibao.server.institution.Sanction;
import org.yibao.server.institution.Sanctions;
import org.yibao.server.institution.SettlementPermission;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Admin API of service agreements (R-INST-1) and graded sanctions (R-INST-4). Reading: any staff role;
 * changing: ADMIN only (URL security); every change is in the agreement's history and the audit trail.
 */
@RestController
@RequestMapping("/api/admin/institutions/{code}")
@Tag(name = "Agreements and sanctions", description = "Service agreements (服务协议) and graded sanctions (阶梯式处罚) of an institution")
class AgreementController {

    private final Agreements agreements;
    private final Sanctions sanctions;
    private final SettlementPermission permission;
    private final Clock clock;

    AgreementController(Agreements agreements, Sanctions sanctions, SettlementPermission permission, Clock clock) {
        this.agreements = agreements;
        this.sanctions = sanctions;
        this.permission = permission;
        this.clock = clock;
    }

    /** A transition's body: the reason (required to terminate), the start of an application, the day of a termination. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TransitionBody(String reason, LocalDate startDate, LocalDate date) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SanctionBody(String kind, LocalDate decisionDate, LocalDate startDate, LocalDate endDate, String reason, String evidence) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LiftBody(LocalDate liftedFrom, String reason) {}

    @GetMapping("/agreements")
    @Operation(summary = "The institution's agreements, their history and where it stands today")
    Map<String, Object> list(@PathVariable String code) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("agreements", agreements.list(code));
        out.put("history", agreements.events(code));
        out.put("standing", standing(code, null));
        return out;
    }

    @GetMapping("/agreements/standing")
    @Operation(summary = "State of the agreement on a day and whether settlement is allowed")
    Map<String, Object> standing(@PathVariable String code,
                                 @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false)
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        Agreements.Standing s = agreements.standing(code, d);
        SettlementPermission.Decision decision = permission.check(code, d);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("day", d);
        out.put("agreement", s.agreement());
        out.put("state", s.state());
        out.put("suspension", s.suspension());
        out.put("rectification", s.rectification());
        out.put("upload_suspension", s.uploadSuspension());
        out.put("settlement_allowed", decision.allowed());
        out.put("refusal", decision.refusal());
        return out;
    }

    @PostMapping("/agreements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply for a one-year agreement from start_date (default today): APPLIED")
    Agreement apply(@PathVariable String code, @RequestBody(required = false) TransitionBody body) {
        TransitionBody b = body == null ? new TransitionBody(null, null, null) : body;
        return agreements.apply(code, b.startDate(), b.reason());
    }

    @PostMapping("/agreements/{id}/activate")
    @Operation(summary = "APPLIED → ACTIVE")
    Agreement activate(@PathVariable String code, @PathVariable long id, @RequestBody(required = false) TransitionBody body) {
        return agreements.activate(code, id, body == null ? null : body.reason());
    }

    @PostMapping("/agreements/{id}/renew")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Renew: a new one-year ACTIVE agreement from the day after this one ends")
    Agreement renew(@PathVariable String code, @PathVariable long id, @RequestBody(required = false) TransitionBody body) {
        return agreements.renew(code, id, body == null ? null : body.reason());
    }

    @PostMapping("/agreements/{id}/terminate")
    @Operation(summary = "Terminate from date (default today) with a reason; later renewals are terminated too")
    Agreement terminate(@PathVariable String code, @PathVariable long id, @RequestBody(required = false) TransitionBody body) {
        TransitionBody b = body == null ? new TransitionBody(null, null, null) : body;
        return agreements.terminate(code, id, b.date(), b.reason());
    }

    @GetMapping("/sanctions")
    @Operation(summary = "The institution's sanctions, latest first")
    List<Sanction> sanctions(@PathVariable String code) {
        return sanctions.list(code);
    }

    @PostMapping("/sanctions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Decide a sanction: RECTIFICATION (deadline end_date), SUSPENSION (start_date..end_date) or TERMINATION")
    Sanction decide(@PathVariable String code, @RequestBody SanctionBody b) {
        return sanctions.decide(code, new Sanctions.Decision(b.kind(), b.decisionDate(), b.startDate(), b.endDate(), b.reason(), b.evidence()));
    }

    @PostMapping("/sanctions/{id}/lift")
    @Operation(summary = "Lift a rectification (accepted as done) or a suspension (ended early or withdrawn) from lifted_from "
            + "(default today, not earlier) with a reason; a termination cannot be lifted")
    Sanction lift(@PathVariable String code, @PathVariable long id, @RequestBody(required = false) LiftBody body) {
        LiftBody b = body == null ? new LiftBody(null, null) : body;
        return sanctions.lift(code, id, b.liftedFrom(), b.reason());
    }
}
