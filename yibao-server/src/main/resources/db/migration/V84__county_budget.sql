-- County medical community global budget (医共体总额预付, R-PAY-5). The budget of a year is per capita ×
-- the residents of the community's county insured on 1 January (counted from the person history when
-- needed); the terms of a year default to the demo policy (1,200.00; 60% of a surplus kept; an overspend
-- borne 70% by the fund) until staff set them. The year-end settle-up is stored once, with what it was
-- computed from, and posted to the fund ledger in the same transaction.
create table county_budget_terms (
    alliance_code         varchar(20)   not null references alliance (code),
    year                  smallint      not null,
    per_capita            numeric(16,2) not null check (per_capita > 0),
    surplus_retained      numeric(5,4)  not null check (surplus_retained between 0 and 1),
    overspend_fund_share  numeric(5,4)  not null check (overspend_fund_share between 0 and 1),
    set_at                timestamptz   not null,
    set_by                varchar(64)   not null,
    primary key (alliance_code, year)
);

create table county_budget_settle_up (
    alliance_code         varchar(20)   not null references alliance (code),
    year                  smallint      not null,
    residents             integer       not null check (residents >= 0),
    per_capita            numeric(16,2) not null,
    surplus_retained      numeric(5,4)  not null,
    overspend_fund_share  numeric(5,4)  not null,
    budget                numeric(16,2) not null,
    actual                numeric(16,2) not null,
    surplus               numeric(16,2) not null check (surplus >= 0),
    overspend             numeric(16,2) not null check (overspend >= 0),
    community_keeps       numeric(16,2) not null,
    fund_keeps            numeric(16,2) not null,
    fund_bears            numeric(16,2) not null,
    community_bears       numeric(16,2) not null,
    adjustment            numeric(16,2) not null,
    ledger_posting_id     bigint        references ledger_posting (id),
    settled_at            timestamptz   not null,
    settled_by            varchar(64)   not null,
    primary key (alliance_code, year),
    check (surplus = 0 or overspend = 0),
    check (surplus = community_keeps + fund_keeps),
    check (overspend = fund_bears + community_bears),
    check (adjustment = community_keeps - community_bears)
);
