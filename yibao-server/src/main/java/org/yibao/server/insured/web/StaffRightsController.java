package org.yibao.server.insured.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.insured.ChronicRecognitions;
import org.yibao.server.insured.FilingRefused;
import org.yibao.server.insured.Persons;
import org.yibao.server.insured.Referrals;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;

/**
 * Chronic-disease recognitions (R-INS-3) and referrals (R-INS-5) recorded by staff at the counter: the
 * rules of 2501–2504, the recognising or sending institution named in the body, recorded under the
 * staff member's name (channel CONSOLE, audited). Reading needs any staff role, recording and
 * cancelling ADMIN or CLERK (as every change of the admin API). A refusal is a 400 problem naming the
 * field of the body, rule {@code filing}.
 */
@RestController
@RequestMapping("/api/admin/persons/{psnNo}")
@Tag(name = "Persons")
class StaffRightsController {

    record RecognitionBody(@JsonProperty("opsp_dise_code") String diseaseCode, @JsonProperty("ide_fixmedins_no") String institutionCode,
                           @JsonProperty("insutype") String insutype, @JsonProperty("begndate") LocalDate beginDate,
                           @JsonProperty("enddate") LocalDate endDate) {}

    record ReferralBody(@JsonProperty("fixmedins_code") String fromCode, @JsonProperty("reflin_medins_no") String toCode,
                        @JsonProperty("refl_type") String reflType, @JsonProperty("diag_code") String diagCode,
                        @JsonProperty("hosp_agre_refl_flag") Boolean agreed, @JsonProperty("insutype") String insutype,
                        @JsonProperty("begndate") LocalDate beginDate, @JsonProperty("enddate") LocalDate endDate) {}

    record CancelBody(@JsonProperty("memo") String memo) {}

    private final ChronicRecognitions recognitions;
    private final Referrals referrals;
    private final Persons persons;

    StaffRightsController(ChronicRecognitions recognitions, Referrals referrals, Persons persons) {
        this.recognitions = recognitions;
        this.referrals = referrals;
        this.persons = persons;
    }

    @GetMapping("/chronic-recognitions")
    @Operation(summary = "The person's chronic-disease recognitions, cancelled ones included")
    List<ChronicRecognitions.Recognised> recognitions(@PathVariable String psnNo) {
        requirePerson(psnNo);
        return recognitions.list(psnNo);
    }

    @PostMapping("/chronic-recognitions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a chronic-disease recognition by a designated medical institution (rules of 2503)")
    ChronicRecognitions.Recognised recognise(@PathVariable String psnNo, @RequestBody RecognitionBody body) {
        requirePerson(psnNo);
        return filed(() -> recognitions.recognise(new ChronicRecognitions.Recognition(psnNo, body.insutype(), body.diseaseCode(),
                body.institutionCode(), body.beginDate(), body.endDate(), "CONSOLE", AuditTrail.currentActor())));
    }

    @PostMapping("/chronic-recognitions/{id}/cancel")
    @Operation(summary = "Cancel a recognition, whichever institution made it, with a reason (memo)")
    ChronicRecognitions.Recognised cancelRecognition(@PathVariable String psnNo, @PathVariable long id, @RequestBody CancelBody body) {
        requirePerson(psnNo);
        return filed(() -> recognitions.cancel(psnNo, id, AuditTrail.currentActor(), body.memo()));
    }

    @GetMapping("/referrals")
    @Operation(summary = "The person's referrals, cancelled and consumed ones included")
    List<Referrals.Referred> referrals(@PathVariable String psnNo) {
        requirePerson(psnNo);
        return referrals.list(psnNo);
    }

    @PostMapping("/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a referral from one designated medical institution to another (rules of 2501)")
    Referrals.Referred refer(@PathVariable String psnNo, @RequestBody ReferralBody body) {
        requirePerson(psnNo);
        return filed(() -> referrals.refer(new Referrals.Referral(psnNo, body.insutype(), body.fromCode(), body.toCode(), body.reflType(),
                body.diagCode(), Boolean.TRUE.equals(body.agreed()), body.beginDate(), body.endDate(), "CONSOLE",
                AuditTrail.currentActor())));
    }

    @PostMapping("/referrals/{serial}/cancel")
    @Operation(summary = "Cancel a referral not yet used by an admission or registration, with a reason (memo)")
    Referrals.Referred cancelReferral(@PathVariable String psnNo, @PathVariable String serial, @RequestBody CancelBody body) {
        requirePerson(psnNo);
        return filed(() -> referrals.cancel(psnNo, serial, AuditTrail.currentActor(), body.memo()));
    }

    /** A rule refused the filing: the admin API's 400 problem with the field, rule {@code filing} and the message. */
    private static <T> T filed(Supplier<T> filing) {
        try {
            return filing.get();
        } catch (FilingRefused e) {
            throw new InvalidInputException(e.field() == null ? "body" : e.field(), "filing", e.getMessage());
        }
    }

    private void requirePerson(String psnNo) {
        persons.find(psnNo).orElseThrow(() -> new NotFoundException(Persons.ENTITY, psnNo));
    }
}
