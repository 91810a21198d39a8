package org.yibao.server.institution.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.reference.History;
import org.yibao.server.platform.reference.Page;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Admin API of designated institutions (R-REF-1, R-REF-5). */
@RestController
@RequestMapping("/api/admin/institutions")
@Tag(name = "Institutions", description = "Designated institutions (定点医药机构), effective-dated and audited")
class InstitutionController {

    private final Institutions institutions;

    InstitutionController(Institutions institutions) {
        this.institutions = institutions;
    }

    /** An institution as created or changed; flags default to designated, no cross-region settlement. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InstitutionBody(String fixmedinsCode, String name, String admdvs, Integer level, String kind, String allianceCode,
                           Boolean designated, Boolean xrInpatient, Boolean xrOutpatient, Boolean xrChronic, String address,
                           @JsonProperty("validFrom") @JsonAlias("valid_from") LocalDate validFrom,
                           @JsonProperty("effectiveFrom") @JsonAlias("effective_from") LocalDate effectiveFrom) {
        Institution data(String code) {
            return new Institution(code, name, admdvs, level, kind, allianceCode, designated == null || designated,
                    Boolean.TRUE.equals(xrInpatient), Boolean.TRUE.equals(xrOutpatient), Boolean.TRUE.equals(xrChronic),
                    address, validFrom, null);
        }
    }

    @GetMapping
    @Operation(summary = "Search institutions in force on a day")
    Page<Institution> list(@Parameter(description = "code prefix or text in the name") @RequestParam(required = false) String q,
                           @Parameter(description = "region code") @RequestParam(required = false) String admdvs,
                           @Parameter(description = "level 1–3") @RequestParam(required = false) Integer level,
                           @Parameter(description = "HOSPITAL, COMMUNITY, TOWNSHIP, PHARMACY, CLINIC") @RequestParam(required = false) String kind,
                           @Parameter(description = "alliance code") @RequestParam(name = "alliance_code", required = false) String allianceCode,
                           @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                           @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
                           @Parameter(description = "page size, at most 200") @RequestParam(defaultValue = "20") int size) {
        return institutions.search(new Institutions.Criteria(q, admdvs, level, kind, allianceCode, asOf), page, size);
    }

    @GetMapping("/{code}")
    @Operation(summary = "The version of an institution in force on a day")
    Institution get(@PathVariable String code,
                    @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return (asOf == null ? institutions.find(code) : institutions.find(code, asOf))
                .orElseThrow(() -> new NotFoundException(Institutions.ENTITY, code));
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Every version of an institution and its audit entries")
    History<Institution> history(@PathVariable String code) {
        return institutions.history(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an institution (admins and clerks)")
    Institution create(@RequestBody InstitutionBody body) {
        return institutions.create(body.data(body.fixmedinsCode()));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change an institution from effectiveFrom (default today): closes the version in force and starts a new one")
    Institution change(@PathVariable String code, @RequestBody InstitutionBody body) {
        return institutions.change(code, body.data(code), body.effectiveFrom());
    }
}
