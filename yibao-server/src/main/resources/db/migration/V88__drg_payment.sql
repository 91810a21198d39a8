-- DRG payment (按病组付费, R-PAY-2) and case-record quality control at upload (R-PAY-4).

-- Which regions pay inpatient stays by DRG, with which grouper version and which weights table
-- (org.yibao.engine.drgpay.DrgWeights, shipped in the engine's /drg/weights/). The region's
-- inpatient_payment says whether it pays by DRG; this says how.
create table drg_region (
    admdvs           char(6)     primary key,
    grouper_version  varchar(64) not null,
    weights          varchar(64) not null
);
insert into drg_region (admdvs, grouper_version, weights) values ('990100', 'chs-drg-1.1', 'harbin-2024');

-- The quality-control result of the case record as uploaded (4101/4101A), checked against the grouper
-- version of the institution's pooling region; the reply lists the findings. Null for records stored
-- before this migration (the payment run checks every record again in any case).
alter table case_record add column qc_blocking boolean;
alter table case_record add column qc_findings jsonb;

-- One DRG payment run per pooling region and month: run once, after the month, by an administrator;
-- its per-case results and per-institution totals and the ledger postings are written in one transaction.
create table drg_payment_run (
    admdvs           char(6)     not null,
    month            date        not null check (extract(day from month) = 1),
    grouper_version  varchar(64) not null,
    weights          varchar(64) not null,
    history_cases    integer     not null,
    cases            integer     not null,
    run_at           timestamptz not null,
    run_by           varchar(64) not null,
    primary key (admdvs, month)
);

create table drg_payment_case (
    admdvs           char(6)       not null,
    month            date          not null,
    setl_id          varchar(30)   not null,
    mdtrt_id         varchar(30)   not null,
    fixmedins_code   varchar(30)   not null,
    psn_no           varchar(30)   not null,
    insutype         char(3)       not null,
    level            smallint      not null,
    drg              varchar(10),
    adrg             varchar(10),
    mdc              varchar(10),
    grouping_status  varchar(20),
    qc_findings      jsonb,
    method           varchar(5)    not null check (method in ('DRG', 'ITEMS')),
    reason           varchar(20)   not null,
    rw               numeric(10,4),
    rw_source        varchar(10),
    standard         numeric(16,2) not null,
    cost             numeric(16,2) not null,
    item_fund_pay    numeric(16,2) not null,
    drg_fund_pay     numeric(16,2) not null,
    adjustment       numeric(16,2) not null,
    surplus          numeric(16,2) not null,
    explanation      text          not null,
    primary key (admdvs, month, setl_id),
    foreign key (admdvs, month) references drg_payment_run (admdvs, month),
    check (adjustment = drg_fund_pay - item_fund_pay)
);
create index drg_payment_case_institution on drg_payment_case (fixmedins_code, month);

-- Per institution and month: cases, CMI (mean RW of the weighted cases), standard and cost of the cases
-- paid by DRG, item-based and DRG fund payments, the surplus (negative: overspend) and the adjustment
-- (DRG − item-based fund payments) posted to the ledger and cleared by MonthlyClearing as kind DRG.
create table drg_payment_institution (
    admdvs             char(6)       not null,
    month              date          not null,
    fixmedins_code     varchar(30)   not null,
    cases              integer       not null,
    drg_cases          integer       not null,
    weighted_cases     integer       not null,
    cmi                numeric(10,4),
    standard_total     numeric(16,2) not null,
    cost_total         numeric(16,2) not null,
    item_fund_total    numeric(16,2) not null,
    drg_fund_total     numeric(16,2) not null,
    surplus            numeric(16,2) not null,
    adjustment         numeric(16,2) not null,
    ledger_posting_id  bigint        references ledger_posting (id),
    primary key (admdvs, month, fixmedins_code),
    foreign key (admdvs, month) references drg_payment_run (admdvs, month),
    check (adjustment = drg_fund_total - item_fund_total)
);
create index drg_payment_institution_code on drg_payment_institution (fixmedins_code, month);
