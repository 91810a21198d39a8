package org.yibao.server.catalog.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
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
import org.yibao.server.catalog.Catalogue;
import org.yibao.server.catalog.CatalogueItem;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.reference.History;
import org.yibao.server.platform.reference.Page;
import org.yibao.server.region.Regions;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Admin API of each region's catalogue (R-REF-3, R-REF-5). */
@RestController
@RequestMapping("/api/admin/catalogue/{admdvs}/items")
@Tag(name = "Catalogue", description = "Catalogue items (医保目录) per region, effective-dated and audited")
class CatalogueController {

    private final Catalogue catalogue;
    private final Regions regions;

    CatalogueController(Catalogue catalogue, Regions regions) {
        this.catalogue = catalogue;
        this.regions = regions;
    }

    /** An item as created or changed; flags default to false. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ItemBody(String medListCodg, String name, String category, String chrgitmLv, BigDecimal selfpayProp, BigDecimal priceCap,
                    String medChrgitmType, Integer minInstLevel, String sexRestriction, Integer minAge, Integer maxAge,
                    String indication, Integer maxDaysSupplied, Boolean nonDisease, Boolean chronicDrug, Boolean imaging,
                    Boolean bedOnly, Boolean perDay,
                    @JsonProperty("validFrom") @JsonAlias("valid_from") LocalDate validFrom,
                    @JsonProperty("effectiveFrom") @JsonAlias("effective_from") LocalDate effectiveFrom) {
        CatalogueItem data(String admdvs, String code) {
            return new CatalogueItem(admdvs, code, name, category, chrgitmLv, selfpayProp, priceCap, medChrgitmType, minInstLevel,
                    sexRestriction, minAge, maxAge, indication, maxDaysSupplied, Boolean.TRUE.equals(nonDisease),
                    Boolean.TRUE.equals(chronicDrug), Boolean.TRUE.equals(imaging), Boolean.TRUE.equals(bedOnly),
                    Boolean.TRUE.equals(perDay), validFrom, null);
        }
    }

    @GetMapping
    @Operation(summary = "Search a region's catalogue as in force on a day")
    Page<CatalogueItem> list(@Parameter(description = "region code") @PathVariable String admdvs,
                             @Parameter(description = "code prefix or text in the name") @RequestParam(required = false) String q,
                             @Parameter(description = "DRUG, SERVICE or CONSUMABLE") @RequestParam(required = false) String category,
                             @Parameter(description = "01, 02 or 03") @RequestParam(name = "chrgitm_lv", required = false) String chrgitmLv,
                             @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
                             @Parameter(description = "page size, at most 200") @RequestParam(defaultValue = "20") int size) {
        requireRegion(admdvs);
        return catalogue.search(new Catalogue.Criteria(admdvs, q, category, chrgitmLv, asOf), page, size);
    }

    @GetMapping("/{code}")
    @Operation(summary = "The version of an item in force on a day")
    CatalogueItem get(@PathVariable String admdvs, @PathVariable String code,
                      @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return catalogue.item(admdvs, code, asOf == null ? regions.today() : asOf)
                .orElseThrow(() -> new NotFoundException(Catalogue.ENTITY, Catalogue.key(admdvs, code)));
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Every version of an item and its audit entries")
    History<CatalogueItem> history(@PathVariable String admdvs, @PathVariable String code) {
        return catalogue.history(admdvs, code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an item to a region's catalogue (admins and clerks)")
    CatalogueItem create(@PathVariable String admdvs, @RequestBody ItemBody body) {
        return catalogue.create(body.data(admdvs, body.medListCodg()));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change an item from effectiveFrom (default today): closes the version in force and starts a new one")
    CatalogueItem change(@PathVariable String admdvs, @PathVariable String code, @RequestBody ItemBody body) {
        return catalogue.change(admdvs, code, body.data(admdvs, code), body.effectiveFrom());
    }

    private void requireRegion(String admdvs) {
        if (!regions.exists(admdvs)) {
            throw new NotFoundException(Regions.ENTITY, admdvs);
        }
    }
}
