package org.yibao.server.familydoctor.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yibao.server.familydoctor.FamilyDoctorRefusal;
import org.yibao.server.gateway.InstitutionSignatures;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * Refusals of the family-doctor APIs as {@code application/problem+json} with the message in words:
 * 401 for a missing, stale or wrong signature (nothing read or stored), else the refusal's status.
 */
@RestControllerAdvice(basePackageClasses = FamilyDoctorProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FamilyDoctorProblems {

    private final RefusalTexts texts;

    FamilyDoctorProblems(RefusalTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(InstitutionSignatures.InvalidSignatureException.class)
    ResponseEntity<ProblemDetail> unsigned(InstitutionSignatures.InvalidSignatureException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        pd.setTitle("签名无效");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(pd);
    }

    @ExceptionHandler(FamilyDoctorRefusal.class)
    ResponseEntity<ProblemDetail> refused(FamilyDoctorRefusal e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        Locale locale = RefusalTexts.fromAcceptLanguage(request.getHeader("Accept-Language"));
        String message = texts.text(e.getMessage(), locale);
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, message);
        boolean english = RefusalTexts.english(locale);
        pd.setTitle(switch (e.status()) {
            case 404 -> english ? "Not found" : "未找到";
            case 409 -> english ? "Conflict" : "与现有记录冲突";
            default -> english ? "Invalid input" : "输入有误";
        });
        pd.setProperty("errors", List.of(Map.of("field", e.field(), "message", message)));
        return ResponseEntity.status(status).body(pd);
    }
}
