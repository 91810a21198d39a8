package org.yibao.server.insured.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.yibao.server.insured.CrossRegionFilings;
import org.yibao.server.insured.FilingRefused;
import org.yibao.server.insured.Persons;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;

/**
 * Cross-region filings (异地就医备案, R-XR-1) at the counter: staff file, change and cancel for the
 * person, channel COUNTER, under their own name (audited). Reading needs any staff role, changes ADMIN
 * or CLERK (as every change of the admin API). A refusal is a 400 problem naming the field, rule
 * {@code filing}.
 */
@RestController
@RequestMapping("/api/admin/persons/{psnNo}/xr-filings")
@Tag(name = "Persons")
class CrossRegionFilingController {

    record FilingBody(@JsonProperty("category") String category, @JsonProperty("mdtrtarea_admdvs") String treatmentAdmdvs) {}

    record CancelBody(@JsonProperty("memo") String memo) {}

    private final CrossRegionFilings filings;
    private final Persons persons;

    CrossRegionFilingController(CrossRegionFilings filings, Persons persons) {
        this.filings = filings;
        this.persons = persons;
    }

    @GetMapping
    @Operation(summary = "The person's cross-region filings, newest first, cancelled and expired ones included")
    List<CrossRegionFilings.Filed> list(@PathVariable String psnNo) {
        requirePerson(psnNo);
        return filings.list(psnNo);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File for care in another region from today, decided at once (承诺制)")
    CrossRegionFilings.Filed file(@PathVariable String psnNo, @RequestBody FilingBody body) {
        requirePerson(psnNo);
        return filed(() -> filings.file(psnNo, body.category(), body.treatmentAdmdvs(), "COUNTER", AuditTrail.currentActor()));
    }

    @PostMapping("/{id}/change")
    @Operation(summary = "Change a filing's category or treatment region (a long-term one not in its first 6 months)")
    CrossRegionFilings.Filed change(@PathVariable String psnNo, @PathVariable long id, @RequestBody FilingBody body) {
        requirePerson(psnNo);
        return filed(() -> filings.change(psnNo, id, body.category(), body.treatmentAdmdvs(), "COUNTER", AuditTrail.currentActor()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a filing from now (a long-term one not in its first 6 months), with an optional reason")
    CrossRegionFilings.Filed cancel(@PathVariable String psnNo, @PathVariable long id, @RequestBody(required = false) CancelBody body) {
        requirePerson(psnNo);
        return filed(() -> filings.cancel(psnNo, id, "COUNTER", AuditTrail.currentActor(), body == null ? null : body.memo()));
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
