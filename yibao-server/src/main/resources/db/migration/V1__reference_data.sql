-- Yibao reference data (R-REF-1…5).
--
-- Conventions
--  * Every table carries the pooling region (admdvs) where the row belongs to one, so that a province
--    can later partition by region.
--  * Effective-dated tables keep one row per version: valid_from inclusive, valid_to exclusive (NULL =
--    open). "As of D" = valid_from <= D AND (valid_to IS NULL OR valid_to > D). A change closes the
--    version in force and inserts a new one; rows are never edited in place except to set valid_to.
--  * Money is numeric(16,2), unit prices numeric(16,6), ratios numeric(5,4). Never float.
--  * Who changed what is in audit_log (before/after as JSON), written in the same transaction.

create table staff_user (
    username      varchar(64) primary key,
    password_hash varchar(200) not null,
    role          varchar(16)  not null check (role in ('ADMIN', 'CLERK', 'AUDITOR', 'READONLY')),
    display_name  varchar(100) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null,
    created_by    varchar(64)  not null
);

create table audit_log (
    id             bigserial primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(64)  not null,
    action         varchar(32)  not null,   -- CREATE, UPDATE, CLOSE, DELETE, LOAD, BIND, …
    entity_type    varchar(40)  not null,   -- region, institution, person, catalogue_item, policy, …
    entity_key     varchar(120) not null,
    effective_date date,
    before_state   jsonb,
    after_state    jsonb,
    request_id     varchar(64)
);
create index audit_log_entity on audit_log (entity_type, entity_key, occurred_at);

-- Pooling regions (统筹区) and the districts inside them (990121 pools with 990100).
create table region (
    admdvs            char(6)     not null,
    valid_from        date        not null,
    valid_to          date,
    name              varchar(60) not null,
    province_admdvs   char(6)     not null,
    pooling_admdvs    char(6)     not null,   -- = admdvs for a pooling region; the parent for a county inside one
    inpatient_payment varchar(10) not null check (inpatient_payment in ('DRG', 'DIP', 'ITEM')),
    recorded_at       timestamptz not null,
    recorded_by       varchar(64) not null,
    primary key (admdvs, valid_from),
    check (valid_to is null or valid_to > valid_from)
);

-- Medical alliances (医联体: 城市医疗集团, 县域医共体).
create table alliance (
    code                 varchar(20) primary key,
    name                 varchar(60) not null,
    kind                 varchar(20) not null check (kind in ('CITY_GROUP', 'COUNTY_COMMUNITY')),
    admdvs               char(6)     not null,
    lead_fixmedins_code  varchar(30) not null
);

-- Designated institutions (定点医药机构), R-REF-1.
create table institution (
    fixmedins_code  varchar(30)  not null,
    valid_from      date         not null,
    valid_to        date,
    name            varchar(100) not null,
    admdvs          char(6)      not null,        -- region where it is (990121 for the county)
    level           smallint check (level between 1 and 3),   -- NULL for pharmacies
    kind            varchar(20)  not null check (kind in ('HOSPITAL', 'COMMUNITY', 'TOWNSHIP', 'PHARMACY', 'CLINIC')),
    alliance_code   varchar(20) references alliance (code),
    designated      boolean      not null default true,
    xr_inpatient    boolean      not null default false,   -- 异地住院直接结算
    xr_outpatient   boolean      not null default false,   -- 异地普通门诊直接结算
    xr_chronic      boolean      not null default false,   -- 异地门诊慢特病直接结算
    address         varchar(200),
    recorded_at     timestamptz  not null,
    recorded_by     varchar(64)  not null,
    primary key (fixmedins_code, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
create index institution_current on institution (admdvs, level, kind) where valid_to is null;

-- Access keys of institutions for the national interface's HMAC-SM3 signatures.
create table institution_key (
    access_key      varchar(64)  primary key,
    fixmedins_code  varchar(30)  not null,
    secret          varchar(128) not null,
    created_at      timestamptz  not null,
    revoked_at      timestamptz
);
create index institution_key_code on institution_key (fixmedins_code);

-- Insured persons (参保人), R-REF-2.
create table person (
    psn_no            varchar(30)  not null,
    valid_from        date         not null,
    valid_to          date,
    certno            varchar(18)  not null,
    psn_cert_type     char(2)      not null default '01',
    name              varchar(50)  not null,
    gend              char(1)      not null check (gend in ('1', '2')),
    brdy              date         not null,
    naty              char(2)      not null default '01',
    insutype          char(3)      not null check (insutype in ('310', '390')),
    psn_type          char(4)      not null,
    insured_admdvs    char(6)      not null,   -- 参保地 (pooling region)
    residence_admdvs  char(6)      not null,   -- where the person lives (990121 inside 990100)
    emp_name          varchar(100),
    cvlserv_flag      char(1)      not null default '0',
    insu_date         date         not null,   -- psn_insu_date
    status            varchar(12)  not null default 'NORMAL' check (status in ('NORMAL', 'SUSPENDED', 'BLACKLISTED')),
    status_until      date,
    recorded_at       timestamptz  not null,
    recorded_by       varchar(64)  not null,
    primary key (psn_no, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
create unique index person_certno_current on person (certno) where valid_to is null;
create index person_name_current on person (name) where valid_to is null;
create index person_region_current on person (insured_admdvs, insutype) where valid_to is null;

-- Identities (特困 2101, 低保 2102, 防返贫监测 2103) with their own dates.
create table person_identity (
    id            bigserial primary key,
    psn_no        varchar(30) not null,
    psn_idet_type char(4)     not null,
    begin_date    date        not null,
    end_date      date,
    memo          varchar(100)
);
create index person_identity_psn on person_identity (psn_no);

-- Personal account (个人账户) of an employee: balance plus append-only entries.
create table personal_account (
    psn_no      varchar(30)   primary key,
    admdvs      char(6)       not null,
    balance     numeric(16,2) not null check (balance >= 0),
    updated_at  timestamptz   not null
);
create table personal_account_entry (
    id           bigserial primary key,
    psn_no       varchar(30)   not null,
    amount       numeric(16,2) not null,   -- + credit, - debit
    balance_after numeric(16,2) not null,
    kind         varchar(20)   not null,   -- OPENING, CONTRIBUTION, SETTLEMENT, REVERSAL, ADJUSTMENT
    source_type  varchar(30),
    source_id    varchar(60),
    recorded_at  timestamptz   not null,
    recorded_by  varchar(64)   not null
);
create index personal_account_entry_psn on personal_account_entry (psn_no, id);

-- Family mutual aid bindings (家庭共济), R-INS-1: a member uses the binder's account, in binding order.
create table mutual_aid_binding (
    id             bigserial primary key,
    binder_psn_no  varchar(30) not null,
    member_psn_no  varchar(30) not null,
    relation       varchar(10) not null check (relation in ('SPOUSE', 'PARENT', 'CHILD')),
    bound_at       timestamptz not null,
    valid_from     date        not null,
    valid_to       date,
    unbound_at     timestamptz
);
create index mutual_aid_member on mutual_aid_binding (member_psn_no, bound_at);
create index mutual_aid_binder on mutual_aid_binding (binder_psn_no);

-- Chronic and special disease recognitions (门诊慢特病认定), R-INS-3.
create table chronic_recognition (
    id              bigserial primary key,
    psn_no          varchar(30) not null,
    dise_key        varchar(20) not null,   -- key of the region's chronic list (I10, E11, N18.5)
    dise_codg       varchar(30) not null,   -- the diagnosis recognised (E11.900)
    fixmedins_code  varchar(30),
    begin_date      date        not null,
    end_date        date        not null,
    recorded_at     timestamptz not null,
    cancelled_at    timestamptz
);
create index chronic_recognition_psn on chronic_recognition (psn_no);

-- Family-doctor contracts (家庭医生签约), R-INS-4: basic or 1+1+1.
create table family_doctor_contract (
    id              bigserial primary key,
    psn_no          varchar(30) not null,
    kind            varchar(10) not null check (kind in ('BASIC', 'TRIPLE')),
    community_code  varchar(30) not null,
    district_code   varchar(30),
    city_code       varchar(30),
    begin_date      date        not null,
    end_date        date        not null,
    recorded_at     timestamptz not null,
    cancelled_at    timestamptz
);
create index family_doctor_contract_psn on family_doctor_contract (psn_no);
create index family_doctor_contract_centre on family_doctor_contract (community_code);

-- Cross-region filings (异地就医备案), R-XR-1.
create table xr_filing (
    id                 bigserial primary key,
    psn_no             varchar(30) not null,
    category           varchar(20) not null check (category in ('RETIREE_RESETTLED', 'LONG_TERM_RESIDENT', 'POSTED_WORKER', 'REFERRAL', 'TEMPORARY')),
    insured_admdvs     char(6)     not null,
    treatment_admdvs   char(6)     not null,
    begin_date         date        not null,
    end_date           date,                  -- NULL for long-term filings (until cancelled)
    channel            varchar(12) not null check (channel in ('PORTAL', 'COUNTER', 'HOSPITAL', 'DEMO')),
    recorded_at        timestamptz not null,
    cancelled_at       timestamptz
);
create index xr_filing_psn on xr_filing (psn_no);

-- Catalogue (医保目录) per region, R-REF-3.
create table catalogue_item (
    admdvs            char(6)       not null,
    med_list_codg     varchar(50)   not null,
    valid_from        date          not null,
    valid_to          date,
    name              varchar(200)  not null,
    category          varchar(12)   not null check (category in ('DRUG', 'SERVICE', 'CONSUMABLE')),
    chrgitm_lv        char(2)       not null check (chrgitm_lv in ('01', '02', '03')),
    selfpay_prop      numeric(5,4)  not null check (selfpay_prop between 0 and 1),
    price_cap         numeric(16,6) check (price_cap > 0),
    med_chrgitm_type  char(2)       not null,
    min_inst_level    smallint check (min_inst_level between 1 and 3),   -- 限二级及以上 = 2
    sex_restriction   char(1) check (sex_restriction in ('1', '2')),
    min_age           smallint,
    max_age           smallint,
    indication        varchar(200),         -- 限…支付 (needs hosp_appr_flag = 1)
    max_days_supplied smallint,
    non_disease       boolean       not null default false,   -- health checks, cosmetics: never mutual aid
    chronic_drug      boolean       not null default false,   -- long prescriptions allowed (R-INS-3)
    imaging           boolean       not null default false,   -- result reported (R-SUP-2 CT positive rate)
    bed_only          boolean       not null default false,   -- bed/nursing/consultation (hanging bed rule)
    per_day           boolean       not null default false,
    recorded_at       timestamptz   not null,
    recorded_by       varchar(64)   not null,
    primary key (admdvs, med_list_codg, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
create index catalogue_item_current on catalogue_item (admdvs, category) where valid_to is null;

-- Diseases (医保版 ICD-10) and procedures (医保版 ICD-9-CM-3), from shared/data/chs-drg-1.1.
create table disease (
    code  varchar(30)  primary key,
    name  varchar(200) not null
);
create table procedure_code (
    code  varchar(30)  primary key,
    name  varchar(200) not null
);

-- Chronic and special diseases (门诊慢特病病种) of a region; ratios and caps are in the policy file.
create table chronic_disease (
    admdvs      char(6)      not null,
    dise_key    varchar(20)  not null,
    name        varchar(100) not null,
    valid_from  date         not null,
    valid_to    date,
    recorded_at timestamptz  not null,
    recorded_by varchar(64)  not null,
    primary key (admdvs, dise_key, valid_from)
);

-- Policy files (per region and year), kept verbatim; the one in force is active.
create table policy_document (
    id           bigserial primary key,
    admdvs       char(6)      not null,
    policy_year  smallint     not null,
    version      integer      not null,
    source_name  varchar(200) not null,
    content      text         not null,
    sha256       char(64)     not null,
    active       boolean      not null,
    loaded_at    timestamptz  not null,
    loaded_by    varchar(64)  not null,
    unique (admdvs, policy_year, version)
);
create unique index policy_document_active on policy_document (admdvs, policy_year) where active;

-- State of the demo world load (so a restart neither reloads nor half-loads it).
create table demo_world (
    id           smallint primary key check (id = 1),
    seed         bigint      not null,
    persons      integer     not null,
    institutions integer     not null,
    loaded_at    timestamptz not null
);
