package org.yibao.server.insured.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.insured.MutualAid;
import org.yibao.server.insured.Persons;
import org.yibao.server.platform.web.NotFoundException;

/**
 * 家庭共济 (R-INS-1) for staff at the counter: the same rules as the insured portal, recorded under the
 * staff member's name. Reading needs any staff role, binding and unbinding ADMIN or CLERK (as every
 * change of the admin API).
 */
@RestController
@RequestMapping("/api/admin/persons/{psnNo}/mutual-aid")
@Tag(name = "Persons")
class MutualAidController {

    /** Whom to bind: the member's certificate number and name (both must match) and what they are to the binder. */
    record BindBody(@JsonProperty("certno") String certno, @JsonProperty("psn_name") @JsonAlias("name") String name,
                    @JsonProperty("relation") String relation) {}

    private final MutualAid mutualAid;
    private final Persons persons;

    MutualAidController(MutualAid mutualAid, Persons persons) {
        this.mutualAid = mutualAid;
        this.persons = persons;
    }

    @GetMapping
    @Operation(summary = "Active bindings of the person (as binder and as member) and what members paid from the account")
    MutualAid.Overview get(@PathVariable String psnNo) {
        persons.find(psnNo).orElseThrow(() -> new NotFoundException(Persons.ENTITY, psnNo));
        return mutualAid.overview(psnNo);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Bind a spouse, parent or child (by certno and name) to this employee's personal account, from today")
    MutualAid.Binding bind(@PathVariable String psnNo, @RequestBody BindBody body) {
        return mutualAid.bind(psnNo, body.certno(), body.name(), body.relation());
    }

    @DeleteMapping("/{bindingId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End an active binding now (the person is its binder or its member)")
    void unbind(@PathVariable String psnNo, @PathVariable long bindingId) {
        mutualAid.unbind(psnNo, bindingId);
    }
}
