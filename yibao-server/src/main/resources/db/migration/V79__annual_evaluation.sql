-- R-INST-2 annual evaluation of designated institutions (年度考核): the indicator feeds staff and
-- insured persons record, and the stored evaluations with every indicator. See docs/annual-evaluation.md.

-- Outpatient prescriptions reviewed by the insurer's clerks (处方点评), qualified or not.
create table prescription_review (
    id               bigserial    primary key,
    fixmedins_code   varchar(30)  not null,
    review_date      date         not null,
    prescription_no  varchar(40)  not null,
    qualified        boolean      not null,
    reviewer         varchar(50)  not null,
    note             varchar(500),
    source           varchar(10)  not null check (source in ('FORM', 'CSV')),
    recorded_at      timestamptz  not null,
    recorded_by      varchar(64)  not null,
    unique (fixmedins_code, prescription_no)
);
create index prescription_review_year on prescription_review (fixmedins_code, review_date);

-- Patient satisfaction (患者满意度): one survey per settlement from the insured portal, or staff-imported.
create table satisfaction_survey (
    id               bigserial    primary key,
    fixmedins_code   varchar(30)  not null,
    survey_date      date         not null,
    satisfied        boolean      not null,
    comment          varchar(500),
    setl_id          varchar(30)  unique,          -- the settlement answered about (portal); null for imported surveys
    psn_no           varchar(30),                  -- who answered (portal)
    source           varchar(10)  not null check (source in ('PORTAL', 'CSV')),
    recorded_at      timestamptz  not null,
    recorded_by      varchar(64)  not null,
    check ((source = 'PORTAL') = (setl_id is not null and psn_no is not null))
);
create index satisfaction_survey_year on satisfaction_survey (fixmedins_code, survey_date);

-- Confirmed fund-use violations (违规), entered by staff until supervision feeds them.
create table confirmed_violation (
    id               bigserial    primary key,
    fixmedins_code   varchar(30)  not null,
    violation_date   date         not null,
    description      varchar(500) not null,
    evidence         varchar(1000) not null,
    recorded_at      timestamptz  not null,
    recorded_by      varchar(64)  not null
);
create index confirmed_violation_year on confirmed_violation (fixmedins_code, violation_date);

-- One evaluation of an institution and year. A run replaces the DRAFT; a FINAL version is never
-- changed: running again makes the next version (history kept). The latest FINAL version counts.
create table institution_evaluation (
    id                bigserial    primary key,
    fixmedins_code    varchar(30)  not null,
    year              smallint     not null,
    version           integer      not null check (version >= 1),
    status            varchar(10)  not null check (status in ('DRAFT', 'FINAL')),
    name              varchar(100) not null,       -- the institution's name and kind when evaluated
    kind              varchar(20)  not null,
    level             smallint,
    pooling_admdvs    char(6)      not null,
    chronic_basis     varchar(30)  not null check (chronic_basis in ('HYPERTENSION_MANAGEMENT', 'LENGTH_OF_STAY')),
    total             numeric(5,2) not null check (total between 0 and 100),
    decision          varchar(30)  not null check (decision in ('RENEW', 'RENEW_WITH_RECTIFICATION', 'NOT_RENEWED')),
    quota_adjustment  numeric(5,4) not null,       -- next year's payment quota, -0.0500 = -5%
    quota_reason      varchar(200),
    evaluated_at      timestamptz  not null,
    evaluated_by      varchar(64)  not null,
    finalised_at      timestamptz,
    finalised_by      varchar(64),
    unique (fixmedins_code, year, version),
    check ((status = 'FINAL') = (finalised_at is not null))
);
create unique index institution_evaluation_one_draft on institution_evaluation (fixmedins_code, year) where status = 'DRAFT';
create index institution_evaluation_year on institution_evaluation (year, pooling_admdvs);

create table institution_evaluation_indicator (
    evaluation_id  bigint       not null references institution_evaluation (id) on delete cascade,
    indicator      varchar(30)  not null,
    value          numeric(12,4),                  -- rate or ratio (4 decimals) or number of violations; null without data
    basis          varchar(60)  not null,          -- e.g. 360/379
    score          numeric(5,2) not null,
    points         numeric(5,2) not null,
    no_data        boolean      not null,
    primary key (evaluation_id, indicator),
    check (score between 0 and points)
);
