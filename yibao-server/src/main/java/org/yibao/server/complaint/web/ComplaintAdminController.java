package org.yibao.server.complaint.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.yibao.server.complaint.Complaint;
import org.yibao.server.complaint.Complaints;
import org.yibao.server.platform.reference.Page;
import org.yibao.server.platform.web.NotFoundException;

/** Staff API of complaints (R-CMP): intake of hotline and web complaints, transitions, the overdue job on demand. */
@RestController
@RequestMapping("/api/admin/complaints")
@Tag(name = "Complaints", description = "Complaints (投诉举报): intake, assignment, investigation, reply, escalation")
class ComplaintAdminController {

    private final Complaints complaints;

    ComplaintAdminController(Complaints complaints) {
        this.complaints = complaints;
    }

    record NewBody(@JsonProperty("channel") String channel, @JsonProperty("complainant_psn_no") String complainantPsnNo,
                   @JsonProperty("complainant_name") String complainantName, @JsonProperty("complainant_phone") String complainantPhone,
                   @JsonProperty("subject_kind") String subjectKind, @JsonProperty("subject_code") String subjectCode,
                   @JsonProperty("subject_name") String subjectName, @JsonProperty("category") String category,
                   @JsonProperty("text") String text, @JsonProperty("received_on") LocalDate receivedOn) {}

    record AssignBody(@JsonProperty("assignee") String assignee, @JsonProperty("note") String note) {}

    record NoteBody(@JsonProperty("note") String note) {}

    record AnswerBody(@JsonProperty("reply") String reply) {}

    record EscalateBody(@JsonProperty("reason") String reason) {}

    record CaseBody(@JsonProperty("supervision_case_id") String supervisionCaseId) {}

    record Detail(@JsonProperty("complaint") Complaint complaint, @JsonProperty("transitions") List<Complaint.Transition> transitions) {}

    record Escalated(@JsonProperty("escalated") List<Long> escalated) {}

    @GetMapping
    @Operation(summary = "Search complaints (state, overdue, channel), newest first")
    Page<Complaint> search(@RequestParam(required = false) String state, @RequestParam(defaultValue = "false") boolean overdue,
                           @RequestParam(required = false) String channel, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        return complaints.search(new Complaints.Filter(state, overdue, channel), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A complaint with its transitions")
    Detail find(@PathVariable long id) {
        Complaint c = complaints.find(id).orElseThrow(() -> new NotFoundException("complaint", String.valueOf(id)));
        return new Detail(c, complaints.transitions(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a complaint received by the 12393 hotline (HOTLINE) or the web (WEB)")
    Complaint receive(@RequestBody NewBody b) {
        return complaints.receive(new Complaints.NewComplaint(b.channel(), b.complainantPsnNo(), b.complainantName(), b.complainantPhone(),
                b.subjectKind(), b.subjectCode(), b.subjectName(), b.category(), b.text(), b.receivedOn()));
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Assign a received or escalated complaint")
    Complaint assign(@PathVariable long id, @RequestBody AssignBody b) {
        return complaints.assign(id, b.assignee(), b.note());
    }

    @PostMapping("/{id}/investigate")
    @Operation(summary = "Start investigating an assigned complaint")
    Complaint investigate(@PathVariable long id, @RequestBody(required = false) NoteBody b) {
        return complaints.investigate(id, b == null ? null : b.note());
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Answer (and close) a complaint; the complainant sees the reply")
    Complaint answer(@PathVariable long id, @RequestBody AnswerBody b) {
        return complaints.answer(id, b.reply());
    }

    @PostMapping("/{id}/escalate")
    @Operation(summary = "Escalate an open complaint, with the reason")
    Complaint escalate(@PathVariable long id, @RequestBody EscalateBody b) {
        return complaints.escalate(id, b.reason());
    }

    @PostMapping("/{id}/supervision-case")
    @Operation(summary = "Link the complaint to a supervision case")
    Complaint linkCase(@PathVariable long id, @RequestBody CaseBody b) {
        return complaints.linkCase(id, b.supervisionCaseId());
    }

    @GetMapping("/overdue")
    @Operation(summary = "Overdue complaints (not answered, due date passed)")
    List<Complaint> overdue() {
        return complaints.overdue();
    }

    @PostMapping("/escalate-overdue")
    @Operation(summary = "Run the overdue-escalation job now")
    Escalated escalateOverdue() {
        return new Escalated(complaints.escalateOverdue());
    }
}
