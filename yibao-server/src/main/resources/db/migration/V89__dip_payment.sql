-- DIP, 按病种分值付费 (R-PAY-3), for regions whose inpatient payment is DIP (demo: 990200): the year's
-- budget, the catalogue built from the region's history (versioned per year), and the year-end run with
-- its per-case and per-institution results, posted to the fund ledger with the run.

-- The year's DIP budget (set by administrators until the year is run; every change is in the audit trail).
create table dip_budget (
    admdvs    char(6)       not null,
    year      smallint      not null,
    amount    numeric(16,2) not null check (amount > 0),
    set_at    timestamptz   not null,
    set_by    varchar(64)   not null,
    primary key (admdvs, year)
);

-- A catalogue (病种目录库) for a payment year, built from the history years history_to-2 … history_to.
create table dip_catalogue (
    admdvs          char(6)       not null,
    year            smallint      not null,
    version         integer       not null check (version > 0),
    history_to      smallint      not null,
    cases           integer       not null check (cases > 0),
    excluded_cases  integer       not null check (excluded_cases >= 0),   -- blocking QC findings
    mean_cost       numeric(16,2) not null check (mean_cost > 0),
    built_at        timestamptz   not null,
    built_by        varchar(64)   not null,
    primary key (admdvs, year, version)
);

create table dip_catalogue_group (
    admdvs     char(6)       not null,
    year       smallint      not null,
    version    integer       not null,
    code       varchar(60)   not null,
    kind       varchar(14)   not null check (kind in ('CORE', 'COMPREHENSIVE')),
    cases      integer       not null check (cases > 0),
    mean_cost  numeric(16,2) not null check (mean_cost > 0),
    score      numeric(14,4) not null check (score > 0),
    primary key (admdvs, year, version, code),
    foreign key (admdvs, year, version) references dip_catalogue (admdvs, year, version)
);

-- The year-end run: once per region and year, with the point value it found.
create table dip_run (
    admdvs             char(6)       not null,
    year               smallint      not null,
    catalogue_version  integer       not null,
    budget             numeric(16,2) not null,
    total_points       numeric(18,4) not null,
    point_value        numeric(16,6) not null,
    cases              integer       not null,
    dip_cases          integer       not null,
    item_cases         integer       not null,
    run_at             timestamptz   not null,
    run_by             varchar(64)   not null,
    primary key (admdvs, year),
    foreign key (admdvs, year, catalogue_version) references dip_catalogue (admdvs, year, version),
    check (cases = dip_cases + item_cases)
);

-- Every case of the run: paid by DIP (group, deviation, points, payment) or by items (reason).
create table dip_case_result (
    admdvs          char(6)       not null,
    year            smallint      not null,
    mdtrt_id        varchar(30)   not null,
    fixmedins_code  varchar(30)   not null,
    insutype        char(3)       not null,
    level           smallint,
    diagnosis_code  varchar(30),
    procedure_code  varchar(30),
    paid_by         varchar(5)    not null check (paid_by in ('DIP', 'ITEMS')),
    reason          varchar(300),
    group_code      varchar(60),
    medfee          numeric(16,2) not null,
    hifp            numeric(16,2) not null,
    band            varchar(6)    check (band in ('LOW', 'NORMAL', 'HIGH')),
    ratio           numeric(14,4),
    factor          numeric(14,4),
    coefficient     numeric(4,2),
    points          numeric(18,4) not null,
    payment         numeric(16,2),
    fund_payment    numeric(16,2) not null,
    adjustment      numeric(16,2) not null,
    primary key (admdvs, year, mdtrt_id),
    foreign key (admdvs, year) references dip_run (admdvs, year),
    check (paid_by = 'DIP' or (adjustment = 0 and points = 0 and fund_payment = hifp)),
    check (adjustment = fund_payment - hifp)
);
create index dip_case_result_institution on dip_case_result (fixmedins_code, year);

-- Per institution: totals of its cases and the adjustment posted to the ledger (cleared as kind DIP).
create table dip_institution_result (
    admdvs             char(6)       not null,
    year               smallint      not null,
    fixmedins_code     varchar(30)   not null,
    level              smallint,
    cases              integer       not null,
    dip_cases          integer       not null,
    item_cases         integer       not null,
    points             numeric(18,4) not null,
    medfee             numeric(16,2) not null,
    hifp               numeric(16,2) not null,
    payment            numeric(16,2) not null,
    fund_payment       numeric(16,2) not null,
    adjustment         numeric(16,2) not null,
    ledger_posting_id  bigint        references ledger_posting (id),
    primary key (admdvs, year, fixmedins_code),
    foreign key (admdvs, year) references dip_run (admdvs, year),
    check (adjustment = fund_payment - hifp),
    check (cases = dip_cases + item_cases)
);
create index dip_institution_result_code on dip_institution_result (fixmedins_code);
