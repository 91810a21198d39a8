-- Working-day calendar entered by staff (R-CAL) and complaints (R-CMP); docs/complaints-and-calendar.md.

-- Days staff add or correct on top of the shipped State Council schedule (reference/calendar/*.tsv):
-- later years as they are published, or a correction of a shipped day. A row here wins over the file.
create table calendar_day (
    day          date         primary key,
    kind         varchar(8)   not null check (kind in ('HOLIDAY', 'WORKDAY', 'REGULAR')),
    name         varchar(50)  not null,
    recorded_at  timestamptz  not null,
    recorded_by  varchar(64)  not null
);

-- A complaint (投诉举报): from the insured portal, the 12393 hotline (entered by staff) or the web.
create table complaint (
    id                   bigserial    primary key,
    channel              varchar(12)  not null check (channel in ('PORTAL', 'HOTLINE', 'WEB')),
    complainant_psn_no   varchar(30),              -- the insured person, when known: they see it in the portal
    complainant_name     varchar(50)  not null,
    complainant_phone    varchar(20),
    subject_kind         varchar(12)  not null check (subject_kind in ('INSTITUTION', 'PERSON')),
    subject_code         varchar(30),              -- fixmedins_code of an institution
    subject_name         varchar(100) not null,
    category             varchar(16)  not null,
    text                 varchar(2000) not null,
    received_at          timestamptz  not null,
    received_date        date         not null,    -- China Standard Time: the day the 15 working days follow
    due_date             date         not null,    -- R-CMP: 15 working days after receipt
    state                varchar(16)  not null check (state in ('RECEIVED', 'ASSIGNED', 'INVESTIGATING', 'ANSWERED', 'ESCALATED')),
    assignee             varchar(64),
    reply                varchar(2000),
    answered_at          timestamptz,
    answered_by          varchar(64),
    escalated_at         timestamptz,
    escalation_reason    varchar(200),
    supervision_case_id  varchar(40),              -- free text until supervision exists (issue 7)
    recorded_by          varchar(64)  not null,
    check ((state = 'ANSWERED') = (reply is not null))
);
create index complaint_person on complaint (complainant_psn_no, received_at);
create index complaint_open on complaint (state, due_date);

-- Every transition of a complaint: who moved it from which state to which, when, and why.
create table complaint_transition (
    id            bigserial    primary key,
    complaint_id  bigint       not null references complaint (id),
    from_state    varchar(16),                   -- null for the intake
    to_state      varchar(16)  not null,
    actor         varchar(64)  not null,
    occurred_at   timestamptz  not null,
    note          varchar(2000)
);
create index complaint_transition_complaint on complaint_transition (complaint_id, id);
