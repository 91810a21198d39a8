-- Fund supervision after settlement (R-SUP-2, R-SUP-6) and cases with penalties (R-SUP-3…5): the runs over
-- settled data, the warnings (线索) they find with their evidence, the settlements each run has analysed
-- (so a re-run finds nothing new twice), and the cases an auditor opens from warnings through
-- inspection to a decision whose money is posted to the fund ledger.

-- One run after settlement for a pooling region and a period of settlement days, on demand or nightly.
create table supervision_run (
    id                bigserial     primary key,
    admdvs            char(6)       not null,
    period_from       date          not null,
    period_to         date          not null,
    trigger           varchar(10)   not null check (trigger in ('ON_DEMAND', 'NIGHTLY')),
    rule_set_sha      char(64)      not null,
    state             varchar(10)   not null check (state in ('RUNNING', 'FINISHED', 'FAILED')),
    settlements_total integer       not null default 0,
    settlements_done  integer       not null default 0,
    warnings_found    integer       not null default 0,
    error             text,
    started_at        timestamptz   not null,
    started_by        varchar(64)   not null,
    finished_at       timestamptz,
    check (period_to >= period_from)
);
create index supervision_run_region on supervision_run (admdvs, started_at);

-- The settlements a run has analysed: a later run of an overlapping period skips them (incremental).
create table supervision_analysed (
    setl_id      varchar(30) primary key references settlement (setl_id),
    run_id       bigint      not null references supervision_run (id)
);

-- A warning (线索): unique per rule and subject (the visit and its evidence lines, or institution and quarter).
create table supervision_warning (
    id              bigserial     primary key,
    rule_id         varchar(30)   not null,
    subject_key     varchar(200)  not null,
    rule_name       varchar(100)  not null,
    severity        varchar(10)   not null check (severity in ('DEFINITE', 'SUSPECT')),
    behaviour_type  varchar(10),
    admdvs          char(6)       not null,
    fixmedins_code  varchar(30)   not null,
    psn_no          varchar(30),
    mdtrt_id        varchar(30),
    setl_id         varchar(30),
    month           date          not null check (extract(day from month) = 1),
    content         text          not null,
    amount          numeric(16,2) not null,
    state           varchar(10)   not null default 'OPEN' check (state in ('OPEN', 'IN_CASE', 'DISMISSED', 'WITHDRAWN')),
    run_id          bigint        not null references supervision_run (id),
    found_at        timestamptz   not null,
    dismissed_by    varchar(64),   -- an auditor who judged it no violation, when and why
    dismissed_at    timestamptz,
    dismiss_reason  text,
    unique (rule_id, subject_key)
);
create index supervision_warning_board on supervision_warning (admdvs, month);
create index supervision_warning_institution on supervision_warning (fixmedins_code, month);

-- The evidence of a warning: the visits, settlements and lines it is about (R-SUP-6).
create table supervision_warning_evidence (
    warning_id   bigint        not null references supervision_warning (id),
    seq          smallint      not null,
    mdtrt_id     varchar(30),
    setl_id      varchar(30),
    feedetl_sn   varchar(30),
    item_code    varchar(50),
    amount       numeric(16,2) not null,
    reason       text          not null,
    primary key (warning_id, seq)
);

-- A case (案件): opened by an auditor from warnings (or a report) about an institution or an insured person.
create table supervision_case (
    id                bigserial     primary key,
    subject           varchar(12)   not null check (subject in ('INSTITUTION', 'PERSON')),
    fixmedins_code    varchar(30),
    psn_no            varchar(30),
    admdvs            char(6)       not null,   -- the pooling region whose fund the money returns to
    insutype          char(3)       not null,
    state             varchar(10)   not null check (state in ('OPEN', 'INSPECTED', 'DECIDED', 'CLOSED')),
    title             varchar(200)  not null,
    opened_reason     text          not null,
    opened_by         varchar(64)   not null,
    opened_at         timestamptz   not null,
    inspected_on      date,
    findings          text,
    confirmed_amount  numeric(16,2),
    inspected_by      varchar(64),
    inspected_at      timestamptz,
    violation         varchar(30),
    fine_multiple     numeric(5,2),
    fine_amount       numeric(16,2),
    recovery_amount   numeric(16,2),
    measure           varchar(20),
    measure_from      date,
    measure_to        date,
    sanction_id       bigint,
    decision_reason   text,
    decided_by        varchar(64),
    decided_at        timestamptz,
    check ((subject = 'INSTITUTION') = (fixmedins_code is not null) and (subject = 'PERSON') = (psn_no is not null)),
    check (confirmed_amount is null or confirmed_amount >= 0)
);
create index supervision_case_institution on supervision_case (fixmedins_code);

create table supervision_case_warning (
    case_id     bigint not null references supervision_case (id),
    warning_id  bigint not null unique references supervision_warning (id),
    primary key (case_id, warning_id)
);

-- The ledger postings of a decision: RECOVERY (back to the fund) and FINE (payable to the treasury), each once.
create table supervision_case_posting (
    case_id            bigint        not null references supervision_case (id),
    kind               varchar(10)   not null check (kind in ('RECOVERY', 'FINE')),
    fixmedins_code     varchar(30),  -- the debtor institution (withheld by its next clearing statement)
    psn_no             varchar(30),  -- the debtor person
    amount             numeric(16,2) not null check (amount > 0),
    ledger_posting_id  bigint        not null references ledger_posting (id),
    primary key (case_id, kind)
);
