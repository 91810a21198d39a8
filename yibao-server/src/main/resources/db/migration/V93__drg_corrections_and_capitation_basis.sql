-- DRG corrections (按病组付费更正, R-PAY-2 with R-PAY-4): a case record corrected (4101A, or first sent by
-- 4101) after its month's DRG run is grouped and paid again, with the grouper version, weights table and
-- history weights the month used, in a corrections round of the month. A round adds rows, it never edits
-- the run's: each corrected case's new result names the round it replaces, and per institution the
-- difference is posted to the fund ledger and cleared by MonthlyClearing as kind DRG_CORRECTION.

-- The history the run weighted groups without a published weight with (HistoryWeights: every grouped DRG
-- with its cases and cost, the count and cost of all cases), so that corrections pay with the same weights
-- although the region's history changes later. Null for runs before this migration (corrections work the
-- history out again for them).
alter table drg_payment_run add column history_cost_fen bigint;
alter table drg_payment_run add column history_min_cases integer;
create table drg_payment_history_group (
    admdvs    char(6)     not null,
    month     date        not null,
    drg       varchar(10) not null,
    cases     integer     not null check (cases > 0),
    cost_fen  bigint      not null,
    primary key (admdvs, month, drg),
    foreign key (admdvs, month) references drg_payment_run (admdvs, month)
);

-- Which upload of the case record a result was worked out from (case_record.uploaded_msgid; null when the
-- stay had no case record): a later upload is a correction.
alter table drg_payment_case add column case_record_msgid varchar(40);

create table drg_correction_run (
    admdvs   char(6)     not null,
    month    date        not null,
    round    smallint    not null check (round >= 1),
    cases    integer     not null check (cases > 0),
    run_at   timestamptz not null,
    run_by   varchar(64) not null,
    primary key (admdvs, month, round),
    foreign key (admdvs, month) references drg_payment_run (admdvs, month)
);

-- A corrected case's new result (the columns and checks of drg_payment_case), the round whose result it
-- replaces (0: the month's run) and the difference to what the fund paid under that result.
create table drg_correction_case (
    like drg_payment_case including constraints,
    round                  smallint      not null,
    replaces_round         smallint      not null check (replaces_round >= 0 and replaces_round < round),
    previous_drg_fund_pay  numeric(16,2) not null,
    difference             numeric(16,2) not null,
    primary key (admdvs, month, round, setl_id),
    foreign key (admdvs, month, round) references drg_correction_run (admdvs, month, round),
    foreign key (admdvs, month, setl_id) references drg_payment_case (admdvs, month, setl_id),
    check (case_record_msgid is not null),
    check (difference = drg_fund_pay - previous_drg_fund_pay)
);
create index drg_correction_case_institution on drg_correction_case (fixmedins_code, month);

-- Per institution and round: the corrected cases and the difference posted to the ledger.
create table drg_correction_institution (
    admdvs             char(6)       not null,
    month              date          not null,
    round              smallint      not null,
    fixmedins_code     varchar(30)   not null,
    cases              integer       not null,
    difference         numeric(16,2) not null,
    ledger_posting_id  bigint        references ledger_posting (id),
    primary key (admdvs, month, round, fixmedins_code),
    foreign key (admdvs, month, round) references drg_correction_run (admdvs, month, round)
);

alter table clearing_statement_adjustment drop constraint clearing_statement_adjustment_kind_check;
alter table clearing_statement_adjustment add constraint clearing_statement_adjustment_kind_check
    check (kind in ('CAPITATION', 'COUNTY_BUDGET', 'DRG', 'DRG_CORRECTION', 'DIP', 'RECOVERY', 'WITHHOLDING'));

-- Family-doctor capitation (R-PAY-6) reads the quota adjustment that the centre's finalised annual evaluation
-- (R-INST-2) of the previous year recorded; without one it computes the cut from the hypertension management
-- rate as before. Each payment stores which basis it used, the adjustment applied (−0.0500 = −5%) and the
-- evaluation read. Payments made before this migration were all computed from the rate.
alter table capitation_payment add column quota_basis varchar(20) not null default 'MANAGEMENT_RATE'
    check (quota_basis in ('EVALUATION', 'MANAGEMENT_RATE'));
alter table capitation_payment add column quota_adjustment numeric(6,4);
alter table capitation_payment add column evaluation_id bigint references institution_evaluation (id);
update capitation_payment set quota_adjustment = case when cut_applied then -0.0500 else 0 end;
alter table capitation_payment alter column quota_adjustment set not null;
alter table capitation_payment add check (quota_basis = 'MANAGEMENT_RATE' or evaluation_id is not null);
