package org.yibao.server.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.policy.ActivePolicy;
import org.yibao.server.policy.PolicyBook;
import org.yibao.server.policy.PolicyLibrary;
import org.yibao.server.policy.PolicyLoadReport;

/** Policy files per pooling region and year (R-REF-4, R-REF-5): read, replace, reload, history. */
@RestController
@RequestMapping("/api/admin/policies")
@Tag(name = "Policies", description = "Per-region, per-year policy files (ratios, deductibles, caps, funds): "
        + "validated with file, line and reason; every accepted file is a new audited version")
class PolicyAdminController {

    private static final Pattern ADMDVS = Pattern.compile("\\d{6}");
    private static final String YAML = "application/yaml";

    private final PolicyLibrary library;
    private final PolicyBook book;

    PolicyAdminController(PolicyLibrary library, PolicyBook book) {
        this.library = library;
        this.book = book;
    }

    /** One active policy with its version. */
    record PolicyDetail(String region, int year, int version, String sha256, String source, Instant loadedAt, String loadedBy,
                        boolean designationChangesUnlimited, RegionPolicy policy) {
        static PolicyDetail of(ActivePolicy a) {
            return new PolicyDetail(a.admdvs(), a.year(), a.version(), a.sha256(), a.sourceName(), a.loadedAt(), a.loadedBy(),
                    a.policy().designationChangesUnlimited(), a.policy());
        }
    }

    @GetMapping
    @Operation(summary = "Active policy versions", description = "One row per pooling region and year: version, active, when loaded")
    List<PolicyLibrary.VersionInfo> list() {
        return library.activeVersions();
    }

    @GetMapping("/{admdvs}/{year}")
    @Operation(summary = "The active policy of a region and year",
            description = "The parsed model: money as numbers with 2 decimals, ratios with 4; with version and source")
    PolicyDetail get(@PathVariable String admdvs, @PathVariable int year) {
        return PolicyDetail.of(activeOrNotFound(admdvs, year));
    }

    @GetMapping(value = "/{admdvs}/{year}/source", produces = "text/yaml;charset=UTF-8")
    @Operation(summary = "The active policy file, verbatim (YAML)")
    ResponseEntity<String> source(@PathVariable String admdvs, @PathVariable int year) {
        String text = library.activeSource(checked(admdvs), year).orElseThrow(() -> notFound(admdvs, year));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/yaml;charset=UTF-8")).body(text);
    }

    @GetMapping("/{admdvs}/{year}/versions")
    @Operation(summary = "Every stored version of a region and year, newest first")
    List<PolicyLibrary.VersionInfo> versions(@PathVariable String admdvs, @PathVariable int year) {
        var versions = library.versions(checked(admdvs), year);
        if (versions.isEmpty()) {
            throw notFound(admdvs, year);
        }
        return versions;
    }

    @PutMapping(value = "/{admdvs}/{year}", consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Replace the policy of a region and year with a YAML file",
            description = "Invalid → 400 with errors[] of {field: \"<file>:<line>\", rule, message} and nothing changes. "
                    + "Valid → a new active version, written to the data directory and audited. Format: docs/policy-format.md")
    PolicyDetail put(@PathVariable String admdvs, @PathVariable int year,
                     @Parameter(description = "the policy file (YAML)") @RequestBody(required = false) String body) {
        checked(admdvs);
        if (year < 2000 || year > 2099) {
            throw new InvalidInputException("year", "range", "year must be between 2000 and 2099");
        }
        try {
            return PolicyDetail.of(library.upload(admdvs, year, body).policy());
        } catch (PolicyLibrary.RefusedPolicyException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new InvalidInputException.FieldError(p.location(), p.rule(),
                            (p.path() == null || p.path().isEmpty() ? "" : p.path() + ": ") + p.message()))
                    .toList());
        }
    }

    @PostMapping("/reload")
    @Operation(summary = "Reload the policy files of the data directory",
            description = "Per file: LOADED (new active version), UNCHANGED, or REFUSED with line and reason (the previous version stays)")
    PolicyLoadReport reload() {
        return library.reloadFiles();
    }

    @GetMapping("/load-report")
    @Operation(summary = "The report of the last load of the policy files")
    PolicyLoadReport lastReport() {
        return library.lastReport();
    }

    private ActivePolicy activeOrNotFound(String admdvs, int year) {
        checked(admdvs);
        // The admin view is per document: a county code is not resolved to its pooling region here.
        return book.allActive().stream().filter(a -> a.admdvs().equals(admdvs) && a.year() == year).findFirst()
                .orElseThrow(() -> notFound(admdvs, year));
    }

    private static String checked(String admdvs) {
        if (!ADMDVS.matcher(admdvs).matches()) {
            throw new NotFoundException("policy", admdvs);
        }
        return admdvs;
    }

    private static NotFoundException notFound(String admdvs, int year) {
        return new NotFoundException("policy", admdvs + "/" + year);
    }
}
