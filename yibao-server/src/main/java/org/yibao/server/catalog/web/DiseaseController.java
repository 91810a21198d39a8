package org.yibao.server.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.catalog.Disease;
import org.yibao.server.catalog.Diseases;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.reference.Page;

/** Read-only lists of 医保版 ICD-10 diseases and ICD-9-CM-3 procedures. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Diseases and procedures", description = "医保版 ICD-10 diagnoses and ICD-9-CM-3 procedures (CHS-DRG 1.1), read-only")
class DiseaseController {

    private final Diseases diseases;

    DiseaseController(Diseases diseases) {
        this.diseases = diseases;
    }

    @GetMapping("/diseases")
    @Operation(summary = "Search diagnoses by code prefix or name")
    Page<Disease> diseases(@Parameter(description = "code prefix (A00) or text in the name") @RequestParam(required = false) String q,
                           @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
                           @Parameter(description = "page size, at most 200") @RequestParam(defaultValue = "20") int size) {
        return diseases.search(Diseases.Kind.DISEASE, q, page, size);
    }

    @GetMapping("/diseases/{code}")
    @Operation(summary = "One diagnosis")
    Disease disease(@PathVariable String code) {
        return diseases.disease(code).orElseThrow(() -> new NotFoundException("disease", code));
    }

    @GetMapping("/procedures")
    @Operation(summary = "Search procedures by code prefix or name")
    Page<Disease> procedures(@Parameter(description = "code prefix (00.01) or text in the name") @RequestParam(required = false) String q,
                             @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
                             @Parameter(description = "page size, at most 200") @RequestParam(defaultValue = "20") int size) {
        return diseases.search(Diseases.Kind.PROCEDURE, q, page, size);
    }

    @GetMapping("/procedures/{code}")
    @Operation(summary = "One procedure")
    Disease procedure(@PathVariable String code) {
        return diseases.procedure(code).orElseThrow(() -> new NotFoundException("procedure", code));
    }
}
