-- Monthly clearing (月度清算, R-PAY-7): one statement per institution and month, issued once after the
-- month. Its lines are the month's settlements per clearing region (setl_optins = the insured region,
-- the same totals 3201 reconciles); its adjustments are the payments decided outside settlement
-- (capitation, the county budget settle-up; later DRG/DIP adjustments, recoveries and withholdings).
-- The payable is paid out by one ledger posting per pooling region.
create table clearing_statement (
    fixmedins_code  varchar(30)   not null,
    month           date          not null check (extract(day from month) = 1),
    payable         numeric(16,2) not null,
    issued_at       timestamptz   not null,
    issued_by       varchar(64)   not null,
    primary key (fixmedins_code, month)
);
create index clearing_statement_month on clearing_statement (month);

create table clearing_statement_line (
    fixmedins_code  varchar(30)   not null,
    month           date          not null,
    setl_optins     char(6)       not null,
    settlements     integer       not null,
    medfee_sumamt   numeric(16,2) not null,
    fund_pay_sumamt numeric(16,2) not null,
    acct_pay        numeric(16,2) not null,
    psn_cash_pay    numeric(16,2) not null,
    hosp_part_amt   numeric(16,2) not null,
    primary key (fixmedins_code, month, setl_optins),
    foreign key (fixmedins_code, month) references clearing_statement (fixmedins_code, month)
);

create table clearing_statement_adjustment (
    fixmedins_code  varchar(30)   not null,
    month           date          not null,
    seq             smallint      not null,
    kind            varchar(20)   not null check (kind in ('CAPITATION', 'COUNTY_BUDGET', 'DRG', 'DIP', 'RECOVERY', 'WITHHOLDING')),
    source_id       varchar(60)   not null,
    admdvs          char(6)       not null,   -- the pooling region whose fund it is
    amount          numeric(16,2) not null,
    memo            varchar(200)  not null,
    primary key (fixmedins_code, month, seq),
    unique (kind, source_id),                 -- an adjustment is cleared once
    foreign key (fixmedins_code, month) references clearing_statement (fixmedins_code, month)
);

create table clearing_statement_posting (
    fixmedins_code     varchar(30) not null,
    month              date        not null,
    admdvs             char(6)     not null,
    ledger_posting_id  bigint      not null references ledger_posting (id),
    primary key (fixmedins_code, month, admdvs),
    foreign key (fixmedins_code, month) references clearing_statement (fixmedins_code, month)
);
