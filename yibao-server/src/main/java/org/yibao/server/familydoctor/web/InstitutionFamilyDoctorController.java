package org.yibao.server.familydoctor.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.familydoctor.Contract;
import org.yibao.server.familydoctor.FamilyDoctorRefusal;
import org.yibao.server.familydoctor.FamilyDoctors;
import org.yibao.server.familydoctor.FollowUp;
import org.yibao.server.gateway.InstitutionSignatures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed institution API of family doctors ({@code /inst/api/family-doctor}, docs/family-doctor.md):
 * community centres call it from their HIS with the key and HMAC-SM3 signature of the national
 * interface. The signature is checked before the body is read; the signed bytes are the raw body, or
 * for a GET the raw query string. The calling institution is the key's institution.
 */
@RestController
@RequestMapping("/inst/api/family-doctor")
@Tag(name = "Institution API: family doctors", description = "Signed (x-ca-key, x-ca-signature) calls of community centres: contracts and follow-ups")
class InstitutionFamilyDoctorController {

    /** Larger bodies are refused unread: these requests are a few hundred bytes. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final FamilyDoctors familyDoctors;
    private final InstitutionSignatures signatures;
    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    InstitutionFamilyDoctorController(FamilyDoctors familyDoctors, InstitutionSignatures signatures) {
        this.familyDoctors = familyDoctors;
        this.signatures = signatures;
    }

    record ContractBody(@JsonProperty("psn_no") String personNo, @JsonProperty("kind") String kind,
                        @JsonProperty("community_code") String communityCode, @JsonProperty("district_code") String districtCode,
                        @JsonProperty("city_code") String cityCode, @JsonProperty("begin_date") LocalDate beginDate,
                        @JsonProperty("end_date") LocalDate endDate) {}

    /** The contract id is repeated in the body because the signature covers the body, not the path. */
    record CancelBody(@JsonProperty("contract_id") Long contractId, @JsonProperty("reason") String reason) {}

    record FollowUpBody(@JsonProperty("psn_no") String personNo, @JsonProperty("follow_up_date") LocalDate date,
                        @JsonProperty("systolic") Integer systolic, @JsonProperty("diastolic") Integer diastolic,
                        @JsonProperty("doctor_name") String doctorName) {}

    record PersonContracts(@JsonProperty("psn_no") String personNo, @JsonProperty("contracts") List<Contract> contracts,
                           @JsonProperty("follow_ups") List<FollowUp> followUps) {}

    @PostMapping("/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign a contract of a person with the calling community centre (BASIC or TRIPLE 1+1+1)")
    Contract sign(HttpServletRequest request, @RequestHeader(name = "x-ca-key", required = false) String key,
                  @RequestHeader(name = "x-ca-signature", required = false) String signature) throws IOException {
        byte[] body = body(request);
        FamilyDoctors.Caller caller = caller(body, key, signature);
        ContractBody c = read(body, ContractBody.class);
        return familyDoctors.sign(new FamilyDoctors.NewContract(c.personNo(), c.kind(), c.communityCode(), c.districtCode(),
                c.cityCode(), c.beginDate(), c.endDate()), caller);
    }

    @PostMapping("/contracts/{id}/cancel")
    @Operation(summary = "Cancel a contract of the calling centre; the body repeats contract_id")
    Contract cancel(@PathVariable long id, HttpServletRequest request, @RequestHeader(name = "x-ca-key", required = false) String key,
                    @RequestHeader(name = "x-ca-signature", required = false) String signature) throws IOException {
        byte[] body = body(request);
        FamilyDoctors.Caller caller = caller(body, key, signature);
        CancelBody c = read(body, CancelBody.class);
        if (c.contractId() == null || c.contractId() != id) {
            throw new FamilyDoctorRefusal(400, "contract_id", "报文的 contract_id 须与路径中的签约编号 " + id + " 一致（签名只覆盖报文）");
        }
        return familyDoctors.cancel(id, c.reason(), caller);
    }

    @PostMapping("/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a monthly blood-pressure follow-up of a hypertension patient contracted with the calling centre")
    FollowUp followUp(HttpServletRequest request, @RequestHeader(name = "x-ca-key", required = false) String key,
                      @RequestHeader(name = "x-ca-signature", required = false) String signature) throws IOException {
        byte[] body = body(request);
        FamilyDoctors.Caller caller = caller(body, key, signature);
        FollowUpBody f = read(body, FollowUpBody.class);
        return familyDoctors.recordFollowUp(new FamilyDoctors.NewFollowUp(f.personNo(), f.date(), f.systolic(), f.diastolic(),
                f.doctorName()), caller);
    }

    @GetMapping("/contracts")
    @Operation(summary = "A person's contracts naming the calling institution and its follow-ups; signed over the raw query string")
    PersonContracts contracts(HttpServletRequest request, @RequestHeader(name = "x-ca-key", required = false) String key,
                              @RequestHeader(name = "x-ca-signature", required = false) String signature) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        FamilyDoctors.Caller caller = caller(query.getBytes(StandardCharsets.UTF_8), key, signature);
        String psnNo = request.getParameter("psn_no");
        if (psnNo == null || psnNo.isBlank()) {
            throw new FamilyDoctorRefusal(400, "psn_no", "请在查询参数中填写 psn_no");
        }
        return new PersonContracts(psnNo, familyDoctors.contracts(psnNo, caller.centreCode()),
                familyDoctors.followUps(psnNo, caller.centreCode()));
    }

    private FamilyDoctors.Caller caller(byte[] signed, String key, String signature) {
        InstitutionSignatures.Signer signer = signatures.verify(signed, key, signature);
        return FamilyDoctors.Caller.centre(signer.fixmedinsCode(), signer.accessKey());
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new FamilyDoctorRefusal(400, "body", "报文过大：上限 " + MAX_BODY_BYTES + " 字节");
        }
        return body;
    }

    private <T> T read(byte[] body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new FamilyDoctorRefusal(400, "body", "报文应为 JSON 对象");
            }
            return value;
        } catch (JacksonException e) {
            throw new FamilyDoctorRefusal(400, "body", "报文不是预期格式的 JSON：" + e.getOriginalMessage());
        }
    }
}
