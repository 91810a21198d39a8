package org.yibao.server.institution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
import org.yibao.server.institution.Alliance;
import org.yibao.server.institution.Alliances;
import org.yibao.server.platform.audit.AuditEntry;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.reference.Page;

/** Admin API of medical alliances (医联体). */
@RestController
@RequestMapping("/api/admin/alliances")
@Tag(name = "Alliances", description = "Medical alliances (医联体): city groups and county medical communities, audited")
class AllianceController {

    private final Alliances alliances;

    AllianceController(Alliances alliances) {
        this.alliances = alliances;
    }

    @GetMapping
    @Operation(summary = "Search alliances")
    Page<Alliance> list(@Parameter(description = "code prefix or text in the name") @RequestParam(required = false) String q,
                        @Parameter(description = "region code") @RequestParam(required = false) String admdvs,
                        @Parameter(description = "CITY_GROUP or COUNTY_COMMUNITY") @RequestParam(required = false) String kind,
                        @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
                        @Parameter(description = "page size, at most 200") @RequestParam(defaultValue = "20") int size) {
        return alliances.search(q, admdvs, kind, page, size);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One alliance")
    Alliance get(@PathVariable String code) {
        return alliances.find(code).orElseThrow(() -> new NotFoundException(Alliances.ENTITY, code));
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Audit entries of an alliance (alliances are not effective-dated: the audit keeps every before/after)")
    List<AuditEntry> history(@PathVariable String code) {
        return alliances.history(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an alliance (admins and clerks)")
    Alliance create(@RequestBody Alliance body) {
        return alliances.create(body);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change an alliance (admins and clerks)")
    Alliance change(@PathVariable String code, @RequestBody Alliance body) {
        return alliances.change(code, body);
    }
}
