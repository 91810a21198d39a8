package org.yibao.server.complaint;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A complaint as it stands. {@code overdue}: not answered and today is after the due date.
 * {@code receivedDate} is the day (China Standard Time) the 15 working days follow.
 */
public record Complaint(
        @JsonProperty("id") long id,
        @JsonProperty("channel") String channel,
        @JsonProperty("complainant_psn_no") String complainantPsnNo,
        @JsonProperty("complainant_name") String complainantName,
        @JsonProperty("complainant_phone") String complainantPhone,
        @JsonProperty("subject_kind") String subjectKind,
        @JsonProperty("subject_code") String subjectCode,
        @JsonProperty("subject_name") String subjectName,
        @JsonProperty("category") String category,
        @JsonProperty("text") String text,
        @JsonProperty("received_at") Instant receivedAt,
        @JsonProperty("received_date") LocalDate receivedDate,
        @JsonProperty("due_date") LocalDate dueDate,
        @JsonProperty("state") String state,
        @JsonProperty("assignee") String assignee,
        @JsonProperty("reply") String reply,
        @JsonProperty("answered_at") Instant answeredAt,
        @JsonProperty("answered_by") String answeredBy,
        @JsonProperty("escalated_at") Instant escalatedAt,
        @JsonProperty("escalation_reason") String escalationReason,
        @JsonProperty("supervision_case_id") String supervisionCaseId,
        @JsonProperty("overdue") boolean overdue) {

    public static final String RECEIVED = "RECEIVED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String INVESTIGATING = "INVESTIGATING";
    public static final String ANSWERED = "ANSWERED";
    public static final String ESCALATED = "ESCALATED";
    public static final java.util.List<String> STATES = java.util.List.of(RECEIVED, ASSIGNED, INVESTIGATING, ANSWERED, ESCALATED);

    /** Channels: the insured portal, the 12393 hotline (entered by staff), the web (entered by staff). */
    public static final java.util.List<String> CHANNELS = java.util.List.of("PORTAL", "HOTLINE", "WEB");
    public static final java.util.List<String> SUBJECT_KINDS = java.util.List.of("INSTITUTION", "PERSON");

    /** The fixed categories, with their Chinese labels (the console and portal show them translated). */
    public static final java.util.List<Category> CATEGORIES = java.util.List.of(
            new Category("FEES", "收费问题"), new Category("SERVICE", "服务态度"), new Category("BENEFITS", "待遇报销"),
            new Category("FRAUD", "欺诈骗保线索"), new Category("OTHER", "其他"));

    /** A complaint category: code and Chinese label. */
    public record Category(String code, String label) {}

    /**
     * The complaint as the institution it is about may read it (R-INST-5): who complained (person number,
     * name, phone) and which staff handled it are left out; the text, the dates, the state and the reply stay.
     */
    public Complaint forSubjectInstitution() {
        return new Complaint(id, channel, null, null, null, subjectKind, subjectCode, subjectName, category, text, receivedAt,
                receivedDate, dueDate, state, null, reply, answeredAt, null, escalatedAt, escalationReason, null, overdue);
    }

    public boolean isClosed() {
        return ANSWERED.equals(state);
    }

    /** A transition: from (null for the intake) to, who, when, why. */
    public record Transition(@JsonProperty("from_state") String fromState, @JsonProperty("to_state") String toState,
                             @JsonProperty("actor") String actor, @JsonProperty("occurred_at") Instant occurredAt,
                             @JsonProperty("note") String note) {}
}
