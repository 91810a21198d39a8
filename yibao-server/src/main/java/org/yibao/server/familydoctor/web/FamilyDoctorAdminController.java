package org.yibao.server.familydoctor.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.familydoctor.Contract;
import org.yibao.server.familydoctor.FamilyDoctors;
import org.yibao.server.familydoctor.FollowUp;
import org.yibao.server.familydoctor.ManagementRate;

/** Staff API of family doctors: contracts recorded or cancelled at a counter (admins, clerks), audited; rates. */
@RestController
@RequestMapping("/api/admin/family-doctor")
@Tag(name = "Family doctors", description = "Family-doctor contracts (家庭医生签约), follow-ups and the hypertension standard-management rate")
class FamilyDoctorAdminController {

    private final FamilyDoctors familyDoctors;
    private final Clock clock;

    FamilyDoctorAdminController(FamilyDoctors familyDoctors, Clock clock) {
        this.familyDoctors = familyDoctors;
        this.clock = clock;
    }

    record CancelBody(@JsonProperty("reason") String reason) {}

    record PersonContracts(@JsonProperty("psn_no") String personNo, @JsonProperty("contracts") List<Contract> contracts,
                           @JsonProperty("follow_ups") List<FollowUp> followUps) {}

    @GetMapping("/contracts")
    @Operation(summary = "A person's contracts and follow-ups")
    PersonContracts contracts(@RequestParam("psn_no") String psnNo) {
        return new PersonContracts(psnNo, familyDoctors.contracts(psnNo, null), familyDoctors.followUps(psnNo, null));
    }

    @PostMapping("/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a contract (community_code required; TRIPLE also district_code and city_code)")
    Contract sign(@RequestBody InstitutionFamilyDoctorController.ContractBody c) {
        return familyDoctors.sign(new FamilyDoctors.NewContract(c.personNo(), c.kind(), c.communityCode(), c.districtCode(),
                c.cityCode(), c.beginDate(), c.endDate()), FamilyDoctors.Caller.staff());
    }

    @PostMapping("/contracts/{id}/cancel")
    @Operation(summary = "Cancel a contract")
    Contract cancel(@PathVariable long id, @RequestBody(required = false) CancelBody body) {
        return familyDoctors.cancel(id, body == null ? null : body.reason(), FamilyDoctors.Caller.staff());
    }

    @GetMapping("/centres/{code}/management-rate")
    @Operation(summary = "The centre's hypertension standard-management rate for a year (default this year)")
    ManagementRate rate(@PathVariable String code, @RequestParam(required = false) Integer year) {
        return familyDoctors.managementRate(code, year == null ? LocalDate.now(clock).getYear() : year);
    }
}
