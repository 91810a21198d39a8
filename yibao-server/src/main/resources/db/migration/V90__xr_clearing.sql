-- Clearing between regions (异地清算, R-XR-4). Every cross-region settlement already posts in both
-- regions' ledgers (source types SETTLEMENT in the insured region, XR_SETTLEMENT in the treatment region).
-- Here: the prepaid fund (预付金) an insured pooling region keeps with a treatment pooling region, its
-- top-ups and top-up requests, and the monthly statement per ordered pair of regions, confirmed by both
-- sides and then settled against the prepaid fund. Balances live in the ledger (XR_PREPAID, XR_PAYABLE,
-- XR_RECEIVABLE, XR_PREPAID_HELD, XR_REMITTANCE); these tables say who decided what and which postings.

-- The size last set for a pair (2 x the average monthly cross-region payments of the last 3 full months,
-- rounded up to 1,000 yuan); no row means the pair has never been sized.
create table xr_prepaid_fund (
    insured_admdvs    char(6)       not null,
    treatment_admdvs  char(6)       not null,
    size              numeric(16,2) not null check (size >= 0),
    basis_from        date          not null,   -- first day of the 3 months the size is computed from
    basis_amount      numeric(16,2) not null,   -- their payments (fund + personal account)
    sized_at          timestamptz   not null,
    sized_by          varchar(64)   not null,
    primary key (insured_admdvs, treatment_admdvs),
    check (insured_admdvs <> treatment_admdvs)
);

-- Each top-up: the amount paid in to bring the balance back to the size, with its two postings.
create table xr_prepaid_topup (
    id                     bigserial     primary key,
    insured_admdvs         char(6)       not null,
    treatment_admdvs       char(6)       not null,
    size                   numeric(16,2) not null,
    balance_before         numeric(16,2) not null,
    amount                 numeric(16,2) not null check (amount > 0),
    insured_posting_id     bigint        not null references ledger_posting (id),
    treatment_posting_id   bigint        not null references ledger_posting (id),
    recorded_at            timestamptz   not null,
    recorded_by            varchar(64)   not null,
    foreign key (insured_admdvs, treatment_admdvs) references xr_prepaid_fund (insured_admdvs, treatment_admdvs)
);
create index xr_prepaid_topup_pair on xr_prepaid_topup (insured_admdvs, treatment_admdvs);

-- A top-up request (预付金补足通知): raised when a clearing leaves the balance below 70% of the size;
-- one open request per pair, closed by the next top-up.
create table xr_topup_request (
    id                 bigserial     primary key,
    insured_admdvs     char(6)       not null,
    treatment_admdvs   char(6)       not null,
    clearing_month     date          not null,
    size               numeric(16,2) not null,
    balance            numeric(16,2) not null,
    requested_amount   numeric(16,2) not null,
    requested_at       timestamptz   not null,
    closed_by_topup_id bigint        references xr_prepaid_topup (id)
);
create unique index xr_topup_request_open on xr_topup_request (insured_admdvs, treatment_admdvs) where closed_by_topup_id is null;

-- The monthly statement of a pair (issued once, after the month), its confirmations and its settlement.
create table xr_clearing_statement (
    insured_admdvs          char(6)       not null,
    treatment_admdvs        char(6)       not null,
    month                   date          not null check (extract(day from month) = 1),
    cleared_amount          numeric(16,2) not null,   -- net fund + personal-account payments of the month
    issued_at               timestamptz   not null,
    issued_by               varchar(64)   not null,
    insured_confirmed_at    timestamptz,
    insured_confirmed_by    varchar(64),
    treatment_confirmed_at  timestamptz,
    treatment_confirmed_by  varchar(64),
    settled_at              timestamptz,
    insured_posting_id      bigint        references ledger_posting (id),
    treatment_posting_id    bigint        references ledger_posting (id),
    primary key (insured_admdvs, treatment_admdvs, month),
    check (insured_admdvs <> treatment_admdvs),
    check ((insured_confirmed_at is null) = (insured_confirmed_by is null)),
    check ((treatment_confirmed_at is null) = (treatment_confirmed_by is null)),
    check (settled_at is null or (insured_confirmed_at is not null and treatment_confirmed_at is not null))
);
create index xr_clearing_statement_month on xr_clearing_statement (month);

-- Its lines: the month's settlements, the month's reversals of them, and reversals of earlier months' settlements.
create table xr_clearing_line (
    insured_admdvs    char(6)       not null,
    treatment_admdvs  char(6)       not null,
    month             date          not null,
    kind              varchar(20)   not null check (kind in ('SETTLED', 'REVERSED', 'CARRIED_REVERSAL')),
    settlements       integer       not null,
    medfee_sumamt     numeric(16,2) not null,
    fund_pay_sumamt   numeric(16,2) not null,
    acct_pay          numeric(16,2) not null,
    primary key (insured_admdvs, treatment_admdvs, month, kind),
    foreign key (insured_admdvs, treatment_admdvs, month) references xr_clearing_statement (insured_admdvs, treatment_admdvs, month)
);
