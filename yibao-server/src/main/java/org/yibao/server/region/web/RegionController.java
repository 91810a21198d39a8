package org.yibao.server.region.web;

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
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.reference.History;
import org.yibao.server.platform.reference.Page;
import org.yibao.server.region.Region;
import org.yibao.server.region.Regions;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Admin API of regions (R-REF-5). */
@RestController
@RequestMapping("/api/admin/regions")
@Tag(name = "Regions", description = "Pooling regions (统筹区) and counties, effective-dated and audited")
class RegionController {

    private final Regions regions;

    RegionController(Regions regions) {
        this.regions = regions;
    }

    /** A region as created or changed; {@code validFrom} on creation, {@code effectiveFrom} on change (default today). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RegionBody(String admdvs, String name, String provinceAdmdvs, String poolingAdmdvs, String inpatientPayment,
                      @JsonProperty("validFrom") @JsonAlias("valid_from") LocalDate validFrom,
                      @JsonProperty("effectiveFrom") @JsonAlias("effective_from") LocalDate effectiveFrom) {
        Regions.RegionData data(String key) {
            return new Regions.RegionData(key, name, provinceAdmdvs, poolingAdmdvs, inpatientPayment);
        }
    }

    @GetMapping
    @Operation(summary = "Search regions in force on a day")
    Page<Region> list(@Parameter(description = "text in the code (prefix) or name") @RequestParam(required = false) String q,
                      @Parameter(description = "province code") @RequestParam(name = "province_admdvs", required = false) String province,
                      @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
                      @Parameter(description = "page size, at most 200") @RequestParam(defaultValue = "20") int size) {
        return regions.search(q, province, asOf == null ? regions.today() : asOf, page, size);
    }

    @GetMapping("/{admdvs}")
    @Operation(summary = "The version of a region in force on a day")
    Region get(@PathVariable String admdvs,
               @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return regions.find(admdvs, asOf == null ? regions.today() : asOf).orElseThrow(() -> new NotFoundException(Regions.ENTITY, admdvs));
    }

    @GetMapping("/{admdvs}/history")
    @Operation(summary = "Every version of a region and its audit entries")
    History<Region> history(@PathVariable String admdvs) {
        return regions.history(admdvs);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a region (admins and clerks)")
    Region create(@RequestBody RegionBody body) {
        return regions.create(body.data(body.admdvs()), body.validFrom());
    }

    @PutMapping("/{admdvs}")
    @Operation(summary = "Change a region from effectiveFrom (default today): closes the version in force and starts a new one")
    Region change(@PathVariable String admdvs, @RequestBody RegionBody body) {
        return regions.change(admdvs, body.data(admdvs), body.effectiveFrom());
    }
}
