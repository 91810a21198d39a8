package org.yibao.server.catalog.web;

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
import org.yibao.server.catalog.ChronicDisease;
import org.yibao.server.catalog.ChronicDiseases;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.reference.History;
import org.yibao.server.platform.reference.Page;
import org.yibao.server.region.Regions;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Admin API of each region's chronic and special disease list (门诊慢特病病种). */
@RestController
@RequestMapping("/api/admin/chronic-diseases/{admdvs}")
@Tag(name = "Chronic diseases", description = "Chronic and special disease list per region, effective-dated and audited")
class ChronicDiseaseController {

    private final ChronicDiseases chronicDiseases;
    private final Regions regions;

    ChronicDiseaseController(ChronicDiseases chronicDiseases, Regions regions) {
        this.chronicDiseases = chronicDiseases;
        this.regions = regions;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChronicBody(String diseKey, String name,
                       @JsonProperty("validFrom") @JsonAlias("valid_from") LocalDate validFrom,
                       @JsonProperty("effectiveFrom") @JsonAlias("effective_from") LocalDate effectiveFrom) {}

    @GetMapping
    @Operation(summary = "The region's list as in force on a day")
    Page<ChronicDisease> list(@PathVariable String admdvs,
                              @Parameter(description = "key prefix or text in the name") @RequestParam(required = false) String q,
                              @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                              @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
                              @Parameter(description = "page size, at most 200") @RequestParam(defaultValue = "20") int size) {
        if (!regions.exists(admdvs)) {
            throw new NotFoundException(Regions.ENTITY, admdvs);
        }
        return chronicDiseases.search(admdvs, q, asOf, page, size);
    }

    @GetMapping("/{diseKey}")
    @Operation(summary = "One entry as in force on a day")
    ChronicDisease get(@PathVariable String admdvs, @PathVariable String diseKey,
                       @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return chronicDiseases.find(admdvs, diseKey, asOf == null ? regions.today() : asOf)
                .orElseThrow(() -> new NotFoundException(ChronicDiseases.ENTITY, admdvs + "/" + diseKey));
    }

    @GetMapping("/{diseKey}/history")
    @Operation(summary = "Every version of an entry and its audit entries")
    History<ChronicDisease> history(@PathVariable String admdvs, @PathVariable String diseKey) {
        return chronicDiseases.history(admdvs, diseKey);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a disease to the region's list (admins and clerks)")
    ChronicDisease create(@PathVariable String admdvs, @RequestBody ChronicBody body) {
        return chronicDiseases.create(admdvs, body.diseKey(), body.name(), body.validFrom());
    }

    @PutMapping("/{diseKey}")
    @Operation(summary = "Change an entry from effectiveFrom (default today)")
    ChronicDisease change(@PathVariable String admdvs, @PathVariable String diseKey, @RequestBody ChronicBody body) {
        return chronicDiseases.change(admdvs, diseKey, body.name(), body.effectiveFrom());
    }
}
