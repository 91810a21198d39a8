package org.yibao.server.insured.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import org.yibao.server.insured.Identity;
import org.yibao.server.insured.Person;
import org.yibao.server.insured.PersonFile;
import org.yibao.server.insured.Persons;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.reference.History;
import org.yibao.server.platform.reference.Page;

/** Admin API of insured persons (R-REF-2, R-REF-5); JSON fields keep the national interface's names. */
@RestController
@RequestMapping("/api/admin/persons")
@Tag(name = "Persons", description = "Insured persons (参保人), effective-dated and audited; national interface field names")
class PersonController {

    private final Persons persons;

    PersonController(Persons persons) {
        this.persons = persons;
    }

    /** A person as registered or changed; opening_balance and identities only on registration. */
    record PersonBody(@JsonProperty("psn_no") String personNo, @JsonProperty("certno") String certificateNo,
                      @JsonProperty("psn_cert_type") String certificateType, @JsonProperty("psn_name") @JsonAlias("name") String name,
                      @JsonProperty("gend") String sex, @JsonProperty("brdy") LocalDate birthDate, @JsonProperty("naty") String ethnicity,
                      @JsonProperty("insutype") String insuranceType, @JsonProperty("psn_type") String personType,
                      @JsonProperty("insuplc_admdvs") @JsonAlias("insured_admdvs") String insuredAdmdvs,
                      @JsonProperty("residence_admdvs") String residenceAdmdvs, @JsonProperty("emp_name") String employerName,
                      @JsonProperty("cvlserv_flag") String civilServant, @JsonProperty("psn_insu_date") LocalDate insuredSince,
                      @JsonProperty("status") String status, @JsonProperty("status_until") LocalDate statusUntil,
                      @JsonProperty("opening_balance") BigDecimal openingBalance, @JsonProperty("identities") List<Identity> identities,
                      @JsonProperty("validFrom") @JsonAlias("valid_from") LocalDate validFrom,
                      @JsonProperty("effectiveFrom") @JsonAlias("effective_from") LocalDate effectiveFrom) {
        Person person(String key) {
            return new Person(key, certificateNo, certificateType, name, sex, birthDate, ethnicity, insuranceType, personType,
                    insuredAdmdvs, residenceAdmdvs, employerName, civilServant, insuredSince, status, statusUntil, validFrom, null);
        }
    }

    @GetMapping
    @Operation(summary = "Search persons as in force on a day")
    Page<Person> list(@Parameter(description = "psn_no or certno prefix, or text in the name") @RequestParam(required = false) String q,
                      @Parameter(description = "参保地 region code") @RequestParam(name = "admdvs", required = false) String admdvs,
                      @Parameter(description = "310 or 390") @RequestParam(required = false) String insutype,
                      @Parameter(description = "人员类别, e.g. 1101") @RequestParam(name = "psn_type", required = false) String psnType,
                      @Parameter(description = "NORMAL, SUSPENDED or BLACKLISTED") @RequestParam(required = false) String status,
                      @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
                      @Parameter(description = "page size, at most 200") @RequestParam(defaultValue = "20") int size) {
        return persons.search(new Persons.Criteria(q, admdvs, insutype, psnType, status, asOf), page, size);
    }

    @GetMapping("/{psnNo}")
    @Operation(summary = "A person as in force on a day, with balance, identities, bindings, recognitions, contracts and filings")
    PersonFile get(@PathVariable String psnNo,
                   @Parameter(description = "day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return (asOf == null ? persons.file(psnNo) : persons.file(psnNo, asOf))
                .orElseThrow(() -> new NotFoundException(Persons.ENTITY, psnNo));
    }

    @GetMapping("/{psnNo}/history")
    @Operation(summary = "Every version of a person and the audit entries")
    History<Person> history(@PathVariable String psnNo) {
        return persons.history(psnNo);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a person (admins and clerks); an employee may carry an opening personal-account balance")
    PersonFile create(@RequestBody PersonBody body) {
        return persons.create(new Persons.NewPerson(body.person(body.personNo()), body.openingBalance(), body.identities()));
    }

    @PutMapping("/{psnNo}")
    @Operation(summary = "Change a person from effectiveFrom (default today): closes the version in force and starts a new one")
    Person change(@PathVariable String psnNo, @RequestBody PersonBody body) {
        return persons.change(psnNo, body.person(psnNo), body.effectiveFrom());
    }

    @PostMapping("/{psnNo}/identities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an identity (特困 2101, 低保 2102, 防返贫监测 2103 …) with its dates")
    List<Identity> addIdentity(@PathVariable String psnNo, @RequestBody Identity identity) {
        return persons.addIdentity(psnNo, identity);
    }
}
